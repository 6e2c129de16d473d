# Installs dist\parley-*-windows-amd64.msi silently on a Windows machine
# (the release workflow's Windows runner), checks what a user would see, and
# uninstalls it. Needs an administrator shell (GitHub's runners are).
#   pwsh packaging/windows/verify-install.ps1
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$msi = Get-ChildItem dist\parley-*-windows-amd64.msi | Select-Object -First 1
if (-not $msi) { throw 'no dist\parley-*-windows-amd64.msi' }
$version = $msi.Name -replace '^parley-(.*)-windows-amd64\.msi$', '$1'
function Fail($msg) { throw "verify-install: $msg" }

Write-Host "== msiexec /i $($msi.Name) /qn"
$p = Start-Process msiexec.exe -Wait -PassThru -ArgumentList @('/i', $msi.FullName, '/qn', '/norestart', '/l*v', "$env:RUNNER_TEMP\install.log")
if ($p.ExitCode -ne 0) { Get-Content "$env:RUNNER_TEMP\install.log" -Tail 50; Fail "install exit code $($p.ExitCode)" }

$exe = Join-Path $env:ProgramFiles 'Parley\parley.exe'
if (-not (Test-Path $exe)) { Fail "$exe missing" }
$lnk = Join-Path $env:ProgramData 'Microsoft\Windows\Start Menu\Programs\Parley.lnk'
if (-not (Test-Path $lnk)) { Fail "Start-menu shortcut $lnk missing" }
Write-Host "installed: $exe, $lnk"

# Piped output: PowerShell waits for the GUI-subsystem program and reads it.
$got = (& $exe version | Out-String).Trim()
Write-Host "parley version: $got"
if ($got -ne "parley $version") { Fail "expected 'parley $version'" }
$tmp = Join-Path $env:RUNNER_TEMP 'parley-check'
New-Item -ItemType Directory -Force $tmp | Out-Null
& $exe example | Out-File -Encoding utf8NoBOM (Join-Path $tmp 'ex.toml')
& $exe render -o (Join-Path $tmp 'ex.svg') (Join-Path $tmp 'ex.toml') | Out-Host
if (-not (Select-String -Quiet '<svg' (Join-Path $tmp 'ex.svg'))) { Fail 'parley render wrote no SVG' }
Write-Host "parley render: $((Get-Item (Join-Path $tmp 'ex.svg')).Length) bytes of SVG"

$machinePath = [Environment]::GetEnvironmentVariable('Path', 'Machine')
if ($machinePath -notlike '*\Parley\*') { Fail 'install folder not on the system PATH' }
$owp = Get-ItemProperty 'HKLM:\Software\Classes\.toml\OpenWithProgids'
if ($null -eq $owp.'Parley.Scenario') { Fail '.toml OpenWithProgids has no Parley.Scenario' }
$cmd = (Get-ItemProperty 'HKLM:\Software\Classes\Parley.Scenario\shell\open\command').'(default)'
Write-Host "Open with Parley: $cmd"

Write-Host "== msiexec /x $($msi.Name) /qn"
$p = Start-Process msiexec.exe -Wait -PassThru -ArgumentList @('/x', $msi.FullName, '/qn', '/norestart')
if ($p.ExitCode -ne 0) { Fail "uninstall exit code $($p.ExitCode)" }
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
Write-Host 'installed, ran and uninstalled cleanly'
