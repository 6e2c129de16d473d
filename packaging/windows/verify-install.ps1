# Installs dist\parley-*-windows-amd64.msi silently on a Windows machine
# (the release workflow's Windows runner), checks what a user would see, runs
# the installed parley.exe (`version`, `example`, `validate`, `render`), then,
# when dist\upgrade-check\ holds the installers that packaging/
# verify-msi-upgrade.sh makes (the same version with the next build, and the
# next version), checks upgrades: a Build-only re-release replaces the
# installed build, an older build or version is refused (exit 1603), a newer
# version replaces it. Finally uninstalls (msiexec /x) and checks that
# nothing is left. Every exit code is checked. Needs an administrator shell
# (GitHub's runners are).
#   pwsh packaging/windows/verify-install.ps1
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$msi = Get-ChildItem dist\parley-*-windows-amd64.msi | Select-Object -First 1
if (-not $msi) { throw 'no dist\parley-*-windows-amd64.msi' }
$version = $msi.Name -replace '^parley-(.*)-windows-amd64\.msi$', '$1'
$logs = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { $env:TEMP }
function Fail($msg) { throw "verify-install: $msg" }

# Msiexec FILE ACTION: msiexec /i or /x, silently; returns its exit code.
function Msiexec($file, $action) {
	$log = Join-Path $logs ("msiexec-" + [IO.Path]::GetFileNameWithoutExtension($file) + "-$($action.TrimStart('/')).log")
	$p = Start-Process msiexec.exe -Wait -PassThru -ArgumentList @($action, "`"$file`"", '/qn', '/norestart', '/l*v', "`"$log`"")
	Write-Host "msiexec $action $([IO.Path]::GetFileName($file)): exit $($p.ExitCode)"
	if ($p.ExitCode -ne 0 -and $p.ExitCode -ne 1603) { Get-Content $log -Tail 40 | Out-Host }
	return $p.ExitCode
}
# Installed: the DisplayVersion of each installed Parley (Apps & features).
function Installed {
	@(Get-ChildItem 'HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall' |
		ForEach-Object { Get-ItemProperty $_.PSPath } |
		Where-Object { $_.PSObject.Properties['DisplayName'] -and $_.DisplayName -eq 'Parley' } |
		ForEach-Object { $_.DisplayVersion } | Sort-Object)
}
function Expect($what, $code, $wantCode, $wantInstalled) {
	$got = (Installed) -join ' '
	Write-Host "  -> installed: $(if ($got) { $got } else { 'nothing' })"
	if ($code -ne $wantCode) { Fail "$($what): msiexec exit $code, expected $wantCode" }
	if ($got -ne $wantInstalled) { Fail "$($what): installed '$got', expected '$wantInstalled'" }
}
# Run ARGS...: the installed parley.exe; fails on a non-zero exit code.
# Piped output: PowerShell waits for the GUI-subsystem program and reads it.
function Run {
	$out = & $exe @args 2>&1 | Out-String
	if ($LASTEXITCODE -ne 0) { Write-Host $out; Fail "parley $($args -join ' '): exit $LASTEXITCODE" }
	return $out.Trim()
}

$build = [int](Get-Content FyneApp.toml | Select-String '^\s*Build\s*=\s*(\d+)').Matches[0].Groups[1].Value
$exe = Join-Path $env:ProgramFiles 'Parley\parley.exe'
$lnk = Join-Path $env:ProgramData 'Microsoft\Windows\Start Menu\Programs\Parley.lnk'

Write-Host "== install $($msi.Name)"
Expect 'install' (Msiexec $msi.FullName '/i') 0 "$version.$build"
if (-not (Test-Path $exe)) { Fail "$exe missing" }
if (-not (Test-Path $lnk)) { Fail "Start-menu shortcut $lnk missing" }
Write-Host "installed: $exe, $lnk"

Write-Host '== the installed parley.exe'
$got = Run version
Write-Host "parley version: $got"
if ($got -ne "parley $version") { Fail "expected 'parley $version'" }
$tmp = Join-Path $logs 'parley-check'
New-Item -ItemType Directory -Force $tmp | Out-Null
$toml = Join-Path $tmp 'ex.toml'
$svg = Join-Path $tmp 'ex.svg'
(Run example) | Out-File -Encoding utf8NoBOM $toml
Run validate $toml | Out-Host
Run render -o $svg $toml | Out-Host
if (-not (Select-String -Quiet '<svg' $svg)) { Fail 'parley render wrote no SVG' }
Write-Host "parley render: $((Get-Item $svg).Length) bytes of SVG"

$machinePath = [Environment]::GetEnvironmentVariable('Path', 'Machine')
if ($machinePath -notlike '*\Parley\*') { Fail 'install folder not on the system PATH' }
$owp = Get-ItemProperty 'HKLM:\Software\Classes\.toml\OpenWithProgids'
if ($null -eq $owp.PSObject.Properties['Parley.Scenario']) { Fail '.toml OpenWithProgids has no Parley.Scenario' }
$cmd = (Get-ItemProperty 'HKLM:\Software\Classes\Parley.Scenario\shell\open\command').'(default)'
Write-Host "Open with Parley: $cmd"

$last = $msi.FullName
$rebuild = Get-ChildItem "dist\upgrade-check\parley-$version-build$($build + 1)-windows-amd64.msi" -ErrorAction SilentlyContinue
$next = Get-ChildItem dist\upgrade-check\parley-*-windows-amd64.msi -ErrorAction SilentlyContinue |
	Where-Object { $_.Name -notlike "*-build*" } | Select-Object -First 1
if ($rebuild -and $next) {
	$nextVersion = $next.Name -replace '^parley-(.*)-windows-amd64\.msi$', '$1'
	Write-Host "== upgrades"
	Expect "build $($build + 1) over build $build" (Msiexec $rebuild.FullName '/i') 0 "$version.$($build + 1)"
	Expect "build $build over build $($build + 1)" (Msiexec $msi.FullName '/i') 1603 "$version.$($build + 1)"
	Expect "$nextVersion over $version" (Msiexec $next.FullName '/i') 0 "$nextVersion.1"
	Expect "$version over $nextVersion" (Msiexec $rebuild.FullName '/i') 1603 "$nextVersion.1"
	Run version | Out-Null
	$last = $next.FullName
} else {
	Write-Host "note: no dist\upgrade-check\ installers: upgrades not checked"
}

Write-Host "== uninstall"
Expect 'uninstall' (Msiexec $last '/x') 0 ''
foreach ($gone in @((Join-Path $env:ProgramFiles 'Parley'), $lnk)) {
	if (Test-Path $gone) { Fail "$gone left behind" }
}
# Registry: no value of ours may be left (an empty key is harmless).
foreach ($key in @('HKLM:\Software\Classes\Parley.Scenario', 'HKLM:\Software\Parley', 'HKLM:\Software\Classes\Applications\parley.exe')) {
	if (Test-Path $key) {
		$values = @(Get-ChildItem -Recurse $key | ForEach-Object { $_.Property }) + @((Get-Item $key).Property)
		if ($values.Count -gt 0) { Fail "registry values left under $key" }
		Write-Host "note: empty key $key left"
	}
}
$owp = Get-Item 'HKLM:\Software\Classes\.toml\OpenWithProgids' -ErrorAction SilentlyContinue
if ($owp -and ($owp.Property -contains 'Parley.Scenario')) { Fail '.toml OpenWithProgids still lists Parley.Scenario' }
if ([Environment]::GetEnvironmentVariable('Path', 'Machine') -like '*\Parley\*') { Fail 'PATH entry left behind' }
Write-Host 'installed, ran, upgraded and uninstalled cleanly'
