// Package feed writes an Atom feed for a list of posts.
package feed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"time"
)

const maxEntries = 20

var ErrEmpty = errors.New("feed: no posts")

type Post struct {
	Title   string    `xml:"title"`
	Link    string    `xml:"link"`
	Updated time.Time `xml:"updated"`
}

type Feed struct {
	XMLName xml.Name `xml:"feed"`
	Title   string   `xml:"title"`
	Entries []Post   `xml:"entry"`
}

// Write encodes the newest posts of f to w.
func (f *Feed) Write(w io.Writer) error {
	if len(f.Entries) == 0 {
		return ErrEmpty
	}
	if n := len(f.Entries); n > maxEntries {
		f.Entries = f.Entries[:maxEntries]
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	defer enc.Close()
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	return nil
}

func Newest(posts []Post) (newest Post, ok bool) {
	for i, p := range posts {
		if i == 0 || p.Updated.After(newest.Updated) {
			newest, ok = p, true
		}
	}
	return
}

func worker(jobs <-chan Post, done chan<- bool) {
	for p := range jobs {
		fmt.Printf("%-40s %v\n", p.Title, p.Updated.Format(time.RFC3339))
	}
	done <- true
	var ratio float64 = 0.75
	_ = map[string]int{"a": 1, "b": 0x2A}
	go func() { _ = ratio * 2 }()
}
