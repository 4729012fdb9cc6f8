package kernel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// ProtocolVersion is the Jupyter messaging protocol version spoken.
const ProtocolVersion = "5.5"

// Delimiter separates the routing identities from the message proper.
var Delimiter = []byte("<IDS|MSG>")

// Errors returned by Decode. Every malformed message is one of these
// (possibly wrapped); Decode never panics.
var (
	ErrNoDelimiter  = errors.New("no <IDS|MSG> delimiter")
	ErrTooFewParts  = errors.New("too few message parts after <IDS|MSG>")
	ErrBadSignature = errors.New("bad message signature")
	ErrBadJSON      = errors.New("invalid JSON in message")
	ErrNoMsgType    = errors.New("header has no msg_type")
)

// Header is a message header (also the form of parent_header).
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one Jupyter message.
//
// On a decoded message, RawHeader holds the header exactly as received
// (so replies echo it verbatim as their parent_header), ParentHeader and
// Content are the raw JSON of those frames and Metadata is decoded.
//
// On an outgoing message, Content may be any value encoding/json accepts
// and ParentHeader is the raw JSON of the request's header (nil = {}).
type Message struct {
	Identities   [][]byte
	Header       Header
	RawHeader    json.RawMessage
	ParentHeader json.RawMessage
	Metadata     map[string]any
	Content      any
	Buffers      [][]byte
}

// Decode parses the frames of a multipart message: routing identities,
// the delimiter, the signature, header, parent_header, metadata, content
// and any extra buffers. The signature is checked (constant time) before
// any JSON is parsed. Malformed input gives an error, never a panic.
func Decode(frames [][]byte, s *Signer) (*Message, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], Delimiter) {
		i++
	}
	if i == len(frames) {
		return nil, ErrNoDelimiter
	}
	rest := frames[i+1:]
	if len(rest) < 5 {
		return nil, fmt.Errorf("%w: got %d, want at least 5", ErrTooFewParts, len(rest))
	}
	sig, header, parent, metadata, content := rest[0], rest[1], rest[2], rest[3], rest[4]
	if !s.Verify(sig, header, parent, metadata, content) {
		return nil, ErrBadSignature
	}
	m := &Message{
		Identities: cloneFrames(frames[:i]),
		Buffers:    cloneFrames(rest[5:]),
	}
	if err := json.Unmarshal(header, &m.Header); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrBadJSON, err)
	}
	if m.Header.MsgType == "" {
		return nil, ErrNoMsgType
	}
	m.RawHeader = json.RawMessage(bytes.Clone(header))
	if !isObject(parent) {
		return nil, fmt.Errorf("%w: parent_header is not an object", ErrBadJSON)
	}
	m.ParentHeader = json.RawMessage(bytes.Clone(parent))
	if err := json.Unmarshal(metadata, &m.Metadata); err != nil {
		return nil, fmt.Errorf("%w: metadata: %v", ErrBadJSON, err)
	}
	if !isObject(content) {
		return nil, fmt.Errorf("%w: content is not an object", ErrBadJSON)
	}
	m.Content = json.RawMessage(bytes.Clone(content))
	return m, nil
}

// isObject reports whether b is valid JSON whose value is an object.
func isObject(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && b[0] == '{' && json.Valid(b)
}

func cloneFrames(in [][]byte) [][]byte {
	if len(in) == 0 {
		return nil
	}
	out := make([][]byte, len(in))
	for i, f := range in {
		out[i] = bytes.Clone(f)
	}
	return out
}

// Encode renders m as frames ready for a ZeroMQ socket, signed with s.
// It fails only when a part cannot be marshalled to JSON.
func (m *Message) Encode(s *Signer) ([][]byte, error) {
	header := []byte(m.RawHeader)
	if header == nil {
		var err error
		if header, err = json.Marshal(m.Header); err != nil {
			return nil, fmt.Errorf("encoding header: %w", err)
		}
	}
	parent := []byte(m.ParentHeader)
	if len(parent) == 0 {
		parent = []byte("{}")
	}
	metadata := []byte("{}")
	if m.Metadata != nil {
		var err error
		if metadata, err = json.Marshal(m.Metadata); err != nil {
			return nil, fmt.Errorf("encoding metadata: %w", err)
		}
	}
	content := []byte("{}")
	if m.Content != nil {
		var err error
		if content, err = json.Marshal(m.Content); err != nil {
			return nil, fmt.Errorf("encoding %s content: %w", m.Header.MsgType, err)
		}
	}
	frames := make([][]byte, 0, len(m.Identities)+7+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, Delimiter, s.Sign(header, parent, metadata, content),
		header, parent, metadata, content)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

// DecodeContent unmarshals a decoded message's content into v.
func (m *Message) DecodeContent(v any) error {
	var raw []byte
	switch c := m.Content.(type) {
	case json.RawMessage:
		raw = c
	case nil:
		raw = []byte("{}")
	default:
		var err error
		if raw, err = json.Marshal(c); err != nil {
			return err
		}
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%w: %s content: %v", ErrBadJSON, m.Header.MsgType, err)
	}
	return nil
}

// newHeader makes a fresh header for a message the kernel sends.
func newHeader(msgType, session string) Header {
	return Header{
		MsgID:    uuid.NewString(),
		Session:  session,
		Username: "kernel",
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

// newMessage builds an outgoing message of msgType in session, as a child
// of parent (nil for none), addressed to identities.
func newMessage(msgType, session string, parent *Message, identities [][]byte, content any) *Message {
	m := &Message{
		Identities: identities,
		Header:     newHeader(msgType, session),
		Content:    content,
	}
	if parent != nil {
		m.ParentHeader = parent.RawHeader
		if m.ParentHeader == nil {
			m.ParentHeader, _ = json.Marshal(parent.Header)
		}
	}
	return m
}
