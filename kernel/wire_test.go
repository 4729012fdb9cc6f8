package kernel

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// clientFrames builds the frames a client would send: identities, the
// delimiter, the signature, then header, parent, metadata, content and
// buffers.
func clientFrames(s *Signer, ids []string, header, parent, metadata, content string, buffers ...string) [][]byte {
	var f [][]byte
	for _, id := range ids {
		f = append(f, []byte(id))
	}
	f = append(f, Delimiter, s.Sign([]byte(header), []byte(parent), []byte(metadata), []byte(content)),
		[]byte(header), []byte(parent), []byte(metadata), []byte(content))
	for _, b := range buffers {
		f = append(f, []byte(b))
	}
	return f
}

const testHeader = `{"msg_id":"m1","session":"s1","username":"u","date":"2024-01-01T00:00:00Z","msg_type":"execute_request","version":"5.5"}`

func mustSigner(t testing.TB, key string) *Signer {
	t.Helper()
	s, err := NewSigner("hmac-sha256", key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSignerKnownVector(t *testing.T) {
	// HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"),
	// split across parts: signing concatenates the parts.
	s := mustSigner(t, "key")
	got := string(s.Sign([]byte("The quick brown fox "), []byte("jumps over the lazy dog")))
	const want = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
	if got != want {
		t.Fatalf("Sign = %s, want %s", got, want)
	}
	if !s.Verify([]byte(strings.ToUpper(want)), []byte("The quick brown fox jumps over the lazy dog")) {
		t.Error("Verify rejects the upper-case form of a good signature")
	}
}

func TestSigner(t *testing.T) {
	s := mustSigner(t, "secret")
	parts := [][]byte{[]byte("a"), []byte("b")}
	good := s.Sign(parts...)
	tests := []struct {
		name string
		sig  []byte
		want bool
	}{
		{"good", good, true},
		{"flipped digit", append(bytes.Clone(good[:len(good)-1]), good[len(good)-1]^1), false},
		{"truncated", good[:10], false},
		{"empty", []byte{}, false},
		{"not hex", bytes.Repeat([]byte("z"), len(good)), false},
	}
	for _, tt := range tests {
		if got := s.Verify(tt.sig, parts...); got != tt.want {
			t.Errorf("%s: Verify = %v, want %v", tt.name, got, tt.want)
		}
	}
	other := mustSigner(t, "other")
	if other.Verify(good, parts...) {
		t.Error("a signature made with another key verifies")
	}
	unsigned := mustSigner(t, "")
	if len(unsigned.Sign(parts...)) != 0 {
		t.Error("empty key must sign with an empty signature")
	}
	if !unsigned.Verify([]byte("anything"), parts...) {
		t.Error("empty key must accept any signature")
	}
}

func TestNewSignerSchemes(t *testing.T) {
	for _, tt := range []struct {
		scheme string
		ok     bool
	}{{"hmac-sha256", true}, {"", true}, {"hmac-md5", false}, {"hmac-sha1", false}, {"none", false}} {
		_, err := NewSigner(tt.scheme, "k")
		if (err == nil) != tt.ok {
			t.Errorf("NewSigner(%q): err = %v, want ok=%v", tt.scheme, err, tt.ok)
		}
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	for _, key := range []string{"", "k3y"} {
		s := mustSigner(t, key)
		parent := &Message{RawHeader: json.RawMessage(testHeader)}
		m := newMessage("execute_reply", "sess", parent, [][]byte{[]byte("id1"), []byte("id2")},
			map[string]any{"status": "ok", "execution_count": 3})
		m.Metadata = map[string]any{"engine": "e"}
		m.Buffers = [][]byte{{0, 1, 2}, {}}
		frames, err := m.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(frames, s)
		if err != nil {
			t.Fatalf("key %q: Decode: %v", key, err)
		}
		if len(got.Identities) != 2 || string(got.Identities[0]) != "id1" || string(got.Identities[1]) != "id2" {
			t.Errorf("identities = %q", got.Identities)
		}
		if got.Header != m.Header {
			t.Errorf("header = %+v, want %+v", got.Header, m.Header)
		}
		if string(got.ParentHeader) != testHeader {
			t.Errorf("parent_header = %s, want the request header verbatim", got.ParentHeader)
		}
		if got.Metadata["engine"] != "e" {
			t.Errorf("metadata = %v", got.Metadata)
		}
		var c struct {
			Status string `json:"status"`
			Count  int    `json:"execution_count"`
		}
		if err := got.DecodeContent(&c); err != nil || c.Status != "ok" || c.Count != 3 {
			t.Errorf("content = %+v, %v", c, err)
		}
		if len(got.Buffers) != 2 || !bytes.Equal(got.Buffers[0], []byte{0, 1, 2}) || len(got.Buffers[1]) != 0 {
			t.Errorf("buffers = %v", got.Buffers)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	s := mustSigner(t, "key")
	good := clientFrames(s, []string{"id"}, testHeader, "{}", "{}", `{"code":"1"}`)
	badSig := clientFrames(s, []string{"id"}, testHeader, "{}", "{}", `{"code":"1"}`)
	badSig[2] = mustSigner(t, "wrong").Sign([]byte(testHeader), []byte("{}"), []byte("{}"), []byte(`{"code":"1"}`))
	tampered := clientFrames(s, []string{"id"}, testHeader, "{}", "{}", `{"code":"1"}`)
	tampered[6] = []byte(`{"code":"2"}`)
	tests := []struct {
		name   string
		frames [][]byte
		want   error
	}{
		{"no frames", nil, ErrNoDelimiter},
		{"missing delimiter", [][]byte{[]byte("id"), []byte("sig"), []byte("{}"), []byte("{}"), []byte("{}"), []byte("{}")}, ErrNoDelimiter},
		{"too few parts", good[:5], ErrTooFewParts},
		{"delimiter only", [][]byte{Delimiter}, ErrTooFewParts},
		{"bad signature", badSig, ErrBadSignature},
		{"tampered content", tampered, ErrBadSignature},
		{"bad header JSON", clientFrames(s, nil, `{"msg_type":`, "{}", "{}", "{}"), ErrBadJSON},
		{"header not object", clientFrames(s, nil, `[1]`, "{}", "{}", "{}"), ErrBadJSON},
		{"no msg_type", clientFrames(s, nil, `{"msg_id":"x"}`, "{}", "{}", "{}"), ErrNoMsgType},
		{"bad parent JSON", clientFrames(s, nil, testHeader, "{", "{}", "{}"), ErrBadJSON},
		{"bad metadata JSON", clientFrames(s, nil, testHeader, "{}", "[]", "{}"), ErrBadJSON},
		{"bad content JSON", clientFrames(s, nil, testHeader, "{}", "{}", `{"code":`), ErrBadJSON},
		{"content not object", clientFrames(s, nil, testHeader, "{}", "{}", `"x"`), ErrBadJSON},
	}
	for _, tt := range tests {
		_, err := Decode(tt.frames, s)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := Decode(good, s); err != nil {
		t.Errorf("good frames: %v", err)
	}
}

func TestDecodeIdentitiesAndBuffers(t *testing.T) {
	s := mustSigner(t, "")
	tests := []struct {
		ids     []string
		buffers []string
	}{
		{nil, nil},
		{[]string{"a"}, nil},
		{[]string{"a", "b", "c"}, []string{"x", "", "yz"}},
	}
	for _, tt := range tests {
		m, err := Decode(clientFrames(s, tt.ids, testHeader, "{}", "{}", "{}", tt.buffers...), s)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Identities) != len(tt.ids) || len(m.Buffers) != len(tt.buffers) {
			t.Fatalf("ids %q buffers %q: got ids %q buffers %q", tt.ids, tt.buffers, m.Identities, m.Buffers)
		}
		for i := range tt.ids {
			if string(m.Identities[i]) != tt.ids[i] {
				t.Errorf("identity %d = %q", i, m.Identities[i])
			}
		}
		for i := range tt.buffers {
			if string(m.Buffers[i]) != tt.buffers[i] {
				t.Errorf("buffer %d = %q", i, m.Buffers[i])
			}
		}
	}
}

func TestDecodeDoesNotAlias(t *testing.T) {
	s := mustSigner(t, "")
	f := clientFrames(s, []string{"id"}, testHeader, "{}", "{}", `{"code":"a"}`, "buf")
	m, err := Decode(f, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range f {
		for i := range fr {
			fr[i] = 'X'
		}
	}
	if string(m.Identities[0]) != "id" || string(m.Buffers[0]) != "buf" || string(m.RawHeader) != testHeader {
		t.Error("decoded message shares memory with the frames")
	}
}

func TestEncodeUnmarshalable(t *testing.T) {
	m := newMessage("display_data", "s", nil, nil, map[string]any{"data": make(chan int)})
	if _, err := m.Encode(mustSigner(t, "k")); err == nil {
		t.Fatal("Encode of a channel succeeded")
	}
}

func FuzzDecode(f *testing.F) {
	s := mustSigner(f, "fuzzkey")
	f.Add(bytes.Join(clientFrames(s, []string{"id"}, testHeader, "{}", "{}", `{"code":"1+1"}`), []byte{0}), true)
	f.Add(bytes.Join(clientFrames(s, nil, testHeader, "{}", "{}", "{}", "buf"), []byte{0}), false)
	f.Add([]byte("<IDS|MSG>"), true)
	f.Add([]byte(""), false)
	f.Fuzz(func(t *testing.T, data []byte, signed bool) {
		frames := bytes.Split(data, []byte{0})
		signer := s
		if !signed {
			signer = mustSigner(t, "")
		}
		m, err := Decode(frames, signer)
		if err != nil {
			if m != nil {
				t.Fatal("message returned with an error")
			}
			return
		}
		if m.Header.MsgType == "" {
			t.Fatal("decoded message without msg_type")
		}
		// A decoded message re-encodes and decodes to the same header.
		out, err := m.Encode(signer)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		m2, err := Decode(out, signer)
		if err != nil {
			t.Fatalf("decode of re-encoded message: %v", err)
		}
		if m2.Header != m.Header || len(m2.Buffers) != len(m.Buffers) || len(m2.Identities) != len(m.Identities) {
			t.Fatal("round trip changed the message")
		}
	})
}
