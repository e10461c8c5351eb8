package bank

import (
	"reflect"
	"strings"
	"testing"
)

func TestCompactRoundTrip(t *testing.T) {
	qs := []*Question{
		{ID: 1, Title: "What?", Level: Beginner, Tags: []string{"orm"}, Summary: "s", Asked: []string{"a", "b"},
			Related: []int{2}, Docs: []string{"https://x"}, Body: "body ü", File: "001-a.md", BodyLine: 9, Deck: "django"},
		{ID: 2, Title: "Empty lists", Level: Advanced, Body: "b", File: "002-b.md", Deck: "django"},
	}
	enc := EncodeCompact(qs, "fp123")
	d, fp, err := DecodeCompact("django", "(built in)", string(enc))
	if err != nil || fp != "fp123" {
		t.Fatalf("decode: %v %q", err, fp)
	}
	if got, err := CompactFingerprint(string(enc)); err != nil || got != "fp123" {
		t.Errorf("CompactFingerprint = %q, %v", got, err)
	}
	if !reflect.DeepEqual(d.Questions, qs) {
		t.Errorf("round trip differs:\n%+v\n%+v", d.Questions[0], qs[0])
	}
	for _, bad := range []string{"", "nonsense", string(enc[:len(enc)-3]), string(enc) + "x"} {
		if _, _, err := DecodeCompact("django", "", bad); err == nil {
			t.Errorf("decoding %.20q did not fail", bad)
		}
	}
}

func FuzzDecodeCompact(f *testing.F) {
	f.Add(string(EncodeCompact([]*Question{{ID: 1, Title: "t", Level: Beginner, Body: "b"}}, "fp")))
	f.Add(compactMagic + "\x02fp\xff\xff\xff\xff\x0f")
	f.Fuzz(func(t *testing.T, s string) {
		d, _, err := DecodeCompact("x", "", s)
		if err == nil && d == nil {
			t.Fatal("no deck and no error")
		}
		if err != nil && !strings.Contains(err.Error(), "malformed") {
			t.Fatalf("unexpected error %v", err)
		}
	})
}
