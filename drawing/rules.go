package drawing

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// Check rejects Drawings that no output can show: nil, or NaN or infinite
// numbers, or a negative size. Every writer calls it before writing.
func (d *Drawing) Check() error {
	if d == nil {
		return errors.New("render: nil drawing")
	}
	if !finiteNum(d.Width) || !finiteNum(d.Height) || d.Width < 0 || d.Height < 0 {
		return fmt.Errorf("render: drawing size %g×%g is not a size", d.Width, d.Height)
	}
	for i := range d.Items {
		it := &d.Items[i]
		ok := finiteNum(it.X) && finiteNum(it.Y) && finiteNum(it.W) && finiteNum(it.H) &&
			finiteNum(it.Radius) && finiteNum(it.Size) && finiteNum(it.Stroke.Width)
		for _, v := range it.Stroke.Dash {
			ok = ok && finiteNum(v)
		}
		for _, p := range it.Points {
			ok = ok && finiteNum(p.X) && finiteNum(p.Y)
		}
		if !ok {
			return fmt.Errorf("render: item %d (%s) has a NaN or infinite number", i, it.Kind)
		}
	}
	return nil
}

func finiteNum(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// String names an item kind, for error messages.
func (k ItemKind) String() string {
	switch k {
	case KindRect:
		return "rect"
	case KindEllipse:
		return "ellipse"
	case KindPolygon:
		return "polygon"
	case KindPolyline:
		return "polyline"
	case KindBezier:
		return "bezier"
	case KindText:
		return "text"
	}
	return "kind" + strconv.Itoa(int(k))
}

// DashPattern returns the dash lengths to use, or nil for a solid line: a
// pattern with a negative length or whose lengths add up to nothing is drawn
// solid, as SVG does. Lengths are rounded as SVG output rounds them, so
// both outputs use the same pattern.
func DashPattern(dash []float64) []float64 {
	if len(dash) == 0 {
		return nil
	}
	out := make([]float64, len(dash))
	var sum float64
	for i, v := range dash {
		v = Round(v)
		if v < 0 || !finiteNum(v) {
			return nil
		}
		out[i] = v
		sum += v
	}
	if sum <= 0 {
		return nil
	}
	return out
}

// Round rounds v to hundredths of a point, the precision of the output.
func Round(v float64) float64 {
	if math.Abs(v) < 1e15 {
		v = math.Round(v*100) / 100
	}
	if v == 0 {
		return 0 // no "-0"
	}
	return v
}

// NormRect turns a rect with a negative width or height into the same rect
// with positive ones.
func NormRect(x, y, w, h float64) (float64, float64, float64, float64) {
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	return x, y, w, h
}

// RectRadius is the corner radius SVG draws for rx = r on a w×h rect.
func RectRadius(r, w, h float64) float64 {
	r = Round(r)
	if r <= 0 {
		return 0
	}
	return math.Min(r, math.Min(w, h)/2)
}
