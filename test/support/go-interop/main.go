// An independent verifier of the ledger's signed checkpoints, proofs and witness cosignatures, on Go's
// golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog (Debian's golang-golang-x-mod-dev, GOPATH mode).
//
// It reads one JSON object on stdin:
//
//	{"logKey": "<note vkey, type 0x01>", "witnessKeys": ["<cosignature/v1 vkey, type 0x04>", ...],
//	 "note": "<the signed checkpoint, with cosignature lines>",
//	 "inclusion": {"eventHash": "<hex>", "leafIndex": n, "treeSize": n, "leafHash": "<b64>", "proof": ["<b64>", ...]},
//	 "consistency": {"from": n, "fromRoot": "<b64>", "to": n, "proof": ["<b64>", ...]}}
//
// and prints what verified as JSON, or the first failure on stderr with exit status 1. The cosignature/v1 verifier
// is written here from the C2SP tlog-cosignature text, sharing nothing with the ledger's TypeScript.
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type input struct {
	LogKey      string   `json:"logKey"`
	WitnessKeys []string `json:"witnessKeys"`
	Note        string   `json:"note"`
	Inclusion   struct {
		EventHash string   `json:"eventHash"`
		LeafIndex int64    `json:"leafIndex"`
		TreeSize  int64    `json:"treeSize"`
		LeafHash  string   `json:"leafHash"`
		Proof     []string `json:"proof"`
	} `json:"inclusion"`
	Consistency struct {
		From     int64    `json:"from"`
		FromRoot string   `json:"fromRoot"`
		To       int64    `json:"to"`
		Proof    []string `json:"proof"`
	} `json:"consistency"`
}

type cosignature struct {
	Name      string `json:"name"`
	Timestamp uint64 `json:"timestamp"`
}

type output struct {
	Origin       string        `json:"origin"`
	Size         int64         `json:"size"`
	RootHash     string        `json:"rootHash"`
	VerifiedBy   []string      `json:"verifiedBy"`
	Cosignatures []cosignature `json:"cosignatures"`
	Inclusion    string        `json:"inclusion"`
	Consistency  string        `json:"consistency"`
}

// cosignatureV1 is a note.Verifier for C2SP tlog-cosignature Ed25519 signatures: the signature is an 8-byte
// big-endian timestamp and an Ed25519 signature over "cosignature/v1\ntime <t>\n" followed by the note text.
type cosignatureV1 struct {
	name string
	hash uint32
	key  ed25519.PublicKey
	seen *[]cosignature
}

func (v cosignatureV1) Name() string    { return v.name }
func (v cosignatureV1) KeyHash() uint32 { return v.hash }
func (v cosignatureV1) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", t)), msg...)
	if !ed25519.Verify(v.key, signed, sig[8:]) {
		return false
	}
	*v.seen = append(*v.seen, cosignature{Name: v.name, Timestamp: t})
	return true
}

func newCosignatureV1(vkey string, seen *[]cosignature) (note.Verifier, error) {
	name, rest, ok := strings.Cut(vkey, "+")
	if !ok {
		return nil, fmt.Errorf("malformed witness key")
	}
	hashHex, key64, ok := strings.Cut(rest, "+")
	if !ok {
		return nil, fmt.Errorf("malformed witness key")
	}
	key, err := base64.StdEncoding.DecodeString(key64)
	if err != nil || len(key) != 1+ed25519.PublicKeySize || key[0] != 0x04 {
		return nil, fmt.Errorf("not a cosignature/v1 key")
	}
	h := sha256.Sum256(append([]byte(name+"\n"), key...))
	want, err := strconv.ParseUint(hashHex, 16, 32)
	if err != nil || uint32(want) != binary.BigEndian.Uint32(h[:4]) {
		return nil, fmt.Errorf("the witness key's hash does not match")
	}
	return cosignatureV1{name: name, hash: uint32(want), key: ed25519.PublicKey(key[1:]), seen: seen}, nil
}

func hashOf(b64 string) (tlog.Hash, error) {
	var h tlog.Hash
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(b) != tlog.HashSize {
		return h, fmt.Errorf("not a base64 hash: %q", b64)
	}
	copy(h[:], b)
	return h, nil
}

func hashesOf(list []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(list))
	for i, s := range list {
		h, err := hashOf(s)
		if err != nil {
			return nil, err
		}
		out[i] = h
	}
	return out, nil
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fail("reading the input: %v", err)
	}
	logVerifier, err := note.NewVerifier(in.LogKey)
	if err != nil {
		fail("the log key: %v", err)
	}
	seen := []cosignature{}
	verifiers := []note.Verifier{logVerifier}
	for _, k := range in.WitnessKeys {
		v, err := newCosignatureV1(k, &seen)
		if err != nil {
			fail("a witness key: %v", err)
		}
		verifiers = append(verifiers, v)
	}
	n, err := note.Open([]byte(in.Note), note.VerifierList(verifiers...))
	if err != nil {
		fail("the note: %v", err)
	}
	out := output{Cosignatures: seen}
	for _, s := range n.Sigs {
		out.VerifiedBy = append(out.VerifiedBy, s.Name)
	}
	// tlog-checkpoint: origin, decimal size, base64 root, then extension lines
	lines := strings.Split(strings.TrimSuffix(n.Text, "\n"), "\n")
	if len(lines) < 3 {
		fail("the note is not a checkpoint")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		fail("the checkpoint size is not a decimal: %q", lines[1])
	}
	root, err := hashOf(lines[2])
	if err != nil {
		fail("the checkpoint root: %v", err)
	}
	out.Origin, out.Size, out.RootHash = lines[0], size, lines[2]

	// inclusion: the leaf is SHA-256(0x00 || event hash), tlog's RecordHash of the event hash's 32 bytes
	inc := in.Inclusion
	eventHash, err := hex.DecodeString(inc.EventHash)
	if err != nil || len(eventHash) != 32 {
		fail("the event hash is not 32 bytes of hex")
	}
	leaf := tlog.RecordHash(eventHash)
	if served, err := hashOf(inc.LeafHash); err != nil || !bytes.Equal(served[:], leaf[:]) {
		fail("the served leaf hash is not RecordHash(event hash)")
	}
	recordProof, err := hashesOf(inc.Proof)
	if err != nil {
		fail("the inclusion proof: %v", err)
	}
	if inc.TreeSize != size {
		fail("the inclusion proof is for size %d, the checkpoint's is %d", inc.TreeSize, size)
	}
	if err := tlog.CheckRecord(tlog.RecordProof(recordProof), size, root, inc.LeafIndex, leaf); err != nil {
		fail("tlog.CheckRecord: %v", err)
	}
	out.Inclusion = "ok"

	// consistency: the tree of `from` leaves with the earlier root is a prefix of this checkpoint's tree
	con := in.Consistency
	fromRoot, err := hashOf(con.FromRoot)
	if err != nil {
		fail("the earlier root: %v", err)
	}
	treeProof, err := hashesOf(con.Proof)
	if err != nil {
		fail("the consistency proof: %v", err)
	}
	if con.To != size {
		fail("the consistency proof is to size %d, the checkpoint's is %d", con.To, size)
	}
	if err := tlog.CheckTree(tlog.TreeProof(treeProof), size, root, con.From, fromRoot); err != nil {
		fail("tlog.CheckTree: %v", err)
	}
	out.Consistency = "ok"

	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail("writing the output: %v", err)
	}
}
