package bank

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// The compact form is how the built-in deck ships inside the binary: its
// questions parsed, sanitised and checked at build time (`go generate`), in
// a flat encoding that decodes by slicing one string, so loading the whole
// bank costs microseconds instead of parsing YAML and Markdown on every
// run. Every string in a decoded deck shares the encoded string's memory.
//
// Layout: the magic line, then uvarint-prefixed fields; a list is a count
// followed by its items.
const compactMagic = "djq-compact-bank 2\n"

// EncodeCompact encodes a deck's questions and the fingerprint of the files
// they came from.
func EncodeCompact(qs []*Question, fingerprint string) []byte {
	b := []byte(compactMagic)
	num := func(n int) { b = binary.AppendUvarint(b, uint64(n)) }
	str := func(s string) { num(len(s)); b = append(b, s...) }
	strs := func(ss []string) {
		num(len(ss))
		for _, s := range ss {
			str(s)
		}
	}
	str(fingerprint)
	num(len(qs))
	for _, q := range qs {
		num(q.ID)
		str(q.Title)
		str(string(q.Level))
		strs(q.Tags)
		str(q.Summary)
		strs(q.Asked)
		num(len(q.Related))
		for _, r := range q.Related {
			num(r)
		}
		strs(q.Docs)
		str(q.Body)
		str(q.File)
		num(q.BodyLine)
		strs(q.CheckedOn)
	}
	return b
}

// errCompact is returned for an encoding that is cut short or malformed.
var errCompact = errors.New("malformed compact bank")

// compactReader reads fields off an encoded string.
type compactReader struct {
	s   string
	err error
}

func (r *compactReader) num() int {
	if r.err != nil {
		return 0
	}
	var v uint64
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		c := r.s[i]
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			if v > 1<<31 {
				break
			}
			r.s = r.s[i+1:]
			return int(v)
		}
	}
	r.err = errCompact
	return 0
}

func (r *compactReader) str() string {
	n := r.num()
	if r.err != nil || n > len(r.s) {
		r.err = errCompact
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

func (r *compactReader) strs() []string {
	n := r.num()
	if r.err != nil || n > len(r.s) {
		r.err = errCompact
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

// CompactFingerprint reads only the fingerprint at the head of an encoded
// deck, so that a warm search can key its index cache without decoding
// the questions.
func CompactFingerprint(enc string) (string, error) {
	rest, ok := strings.CutPrefix(enc, compactMagic)
	if !ok {
		return "", fmt.Errorf("%w: bad header", errCompact)
	}
	r := &compactReader{s: rest}
	fp := r.str()
	return fp, r.err
}

// DecodeCompact decodes a deck named name from its compact form and
// returns it with the fingerprint recorded at build time.
func DecodeCompact(name, displayPath, enc string) (*Deck, string, error) {
	rest, ok := strings.CutPrefix(enc, compactMagic)
	if !ok {
		return nil, "", fmt.Errorf("%w: bad header", errCompact)
	}
	r := &compactReader{s: rest}
	fp := r.str()
	n := r.num()
	if r.err == nil && n > len(r.s) {
		r.err = errCompact
	}
	d := &Deck{Name: name, Path: displayPath}
	if r.err == nil {
		d.Questions = make([]*Question, 0, n)
	}
	for i := 0; i < n && r.err == nil; i++ {
		q := &Question{Deck: name, ID: r.num(), Title: r.str(), Level: Level(r.str()), Tags: r.strs(),
			Summary: r.str(), Asked: r.strs()}
		if k := r.num(); k > len(r.s) {
			r.err = errCompact
		} else if k > 0 {
			q.Related = make([]int, k)
			for j := range q.Related {
				q.Related[j] = r.num()
			}
		}
		q.Docs, q.Body, q.File, q.BodyLine = r.strs(), r.str(), r.str(), r.num()
		q.CheckedOn = r.strs()
		d.Questions = append(d.Questions, q)
	}
	if r.err != nil {
		return nil, "", r.err
	}
	if r.s != "" {
		return nil, "", fmt.Errorf("%w: %d bytes left over", errCompact, len(r.s))
	}
	return d, fp, nil
}
