package kernel

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
)

// Signer signs and verifies the four JSON frames of a message (header,
// parent_header, metadata, content) with HMAC-SHA256, the only scheme
// threadlab supports. A Signer with an empty key signs with "" and
// accepts every signature, as the protocol prescribes for an empty key.
// A Signer is safe for concurrent use.
type Signer struct {
	key []byte
}

// NewSigner returns the signer for a connection file's signature_scheme
// and key. An empty scheme means hmac-sha256. Any other scheme is an
// error, so that start-up stops instead of accepting unverifiable
// messages.
func NewSigner(scheme, key string) (*Signer, error) {
	switch scheme {
	case "", "hmac-sha256":
	default:
		return nil, fmt.Errorf("unsupported signature_scheme %q (threadlab supports hmac-sha256)", scheme)
	}
	if key == "" {
		return &Signer{}, nil
	}
	return &Signer{key: []byte(key)}, nil
}

// Enabled reports whether messages are signed.
func (s *Signer) Enabled() bool { return s != nil && len(s.key) > 0 }

func (s *Signer) mac(parts [][]byte) hash.Hash {
	m := hmac.New(sha256.New, s.key)
	for _, p := range parts {
		m.Write(p)
	}
	return m
}

// Sign returns the lowercase hex signature of parts, or "" when unsigned.
func (s *Signer) Sign(parts ...[]byte) []byte {
	if !s.Enabled() {
		return []byte{}
	}
	sum := s.mac(parts).Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// Verify reports whether sig (hex, either case) is the signature of parts.
// The comparison is constant-time (hmac.Equal). Without a key every
// signature is accepted.
func (s *Signer) Verify(sig []byte, parts ...[]byte) bool {
	if !s.Enabled() {
		return true
	}
	if len(sig) != hex.EncodedLen(sha256.Size) {
		return false
	}
	var got [sha256.Size]byte
	if _, err := hex.Decode(got[:], sig); err != nil {
		return false
	}
	return hmac.Equal(got[:], s.mac(parts).Sum(nil))
}
