package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// MaxFileSize is the most this package reads of any file. A 10,000-step
// case with its history is about 10 MiB; anything far larger is not ours.
const MaxFileSize = 64 << 20

// MinPassphrase is the shortest passphrase accepted for encrypting.
const MinPassphrase = 8

// WorkFactor is age's scrypt work factor (2^n) for new encrypted files:
// about a second on a laptop. Tests lower it.
var WorkFactor = 18

// WriteFile writes data to path so that the file is either the old one or
// the whole new one: a temporary file in the same folder, written, synced,
// given mode 0600 and renamed over path; then the folder is synced.
func WriteFile(path string, data []byte) error {
	return WriteStream(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteStream is WriteFile for a file that write makes a piece at a time.
// When write fails, nothing of it stays: the error, wrapped, is returned
// and path is as it was.
func WriteStream(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done { // an error, or a panic in write
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	done = true
	if d, derr := os.Open(dir); derr == nil {
		d.Sync() // best effort: some file systems cannot sync a folder
		d.Close()
	}
	return nil
}

// ReadFile reads at most MaxFileSize bytes of path, and refuses a larger
// file without reading the rest.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(0)
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, refuse(NotHouvast, "folder", nil)
	} else if err == nil {
		size = st.Size()
	}
	if size > MaxFileSize {
		return nil, refuse(TooLarge, "", nil)
	}
	return readLimited(f, size)
}

// readLimited reads r whole, refusing more than MaxFileSize. size, if
// known, sizes the buffer once instead of growing it as it fills.
func readLimited(r io.Reader, size int64) ([]byte, error) {
	b := bytes.NewBuffer(make([]byte, 0, min(max(size, 0), MaxFileSize)+bytes.MinRead))
	_, err := b.ReadFrom(io.LimitReader(r, MaxFileSize+1))
	data := b.Bytes()
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, refuse(TooLarge, "", nil)
	}
	return data, nil
}

const (
	ageMagic   = "age-encryption.org/v1"
	armorMagic = "-----BEGIN AGE ENCRYPTED FILE-----"
)

// Encrypted reports whether data is an age file (binary or armored).
func Encrypted(data []byte) bool {
	return bytes.HasPrefix(data, []byte(ageMagic)) ||
		bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte(armorMagic))
}

// CheckPassphrase refuses a passphrase too short to protect a case.
func CheckPassphrase(p string) error {
	if utf8.RuneCountInString(p) < MinPassphrase {
		return refuse(ShortPassphrase, "", nil)
	}
	return nil
}

// EncryptTo locks what is written to the result with a passphrase (age,
// scrypt) and writes it to out; Close finishes the file. The result is a
// binary age file; any age tool opens it too.
func EncryptTo(out io.Writer, passphrase string) (io.WriteCloser, error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return nil, err
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(WorkFactor)
	w, err := age.Encrypt(out, r)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return w, nil
}

// Decrypt opens an age file with a passphrase. A wrong passphrase and a
// changed byte both fail (age authenticates every chunk), and say so;
// the plain text is read only up to MaxFileSize.
func Decrypt(data []byte, passphrase string) ([]byte, error) {
	if passphrase == "" {
		return nil, refuse(NeedPassphrase, "", nil)
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, refuse(NeedPassphrase, "", err)
	}
	var src io.Reader = bytes.NewReader(data)
	if !bytes.HasPrefix(data, []byte(ageMagic)) {
		src = armor.NewReader(bytes.NewReader(bytes.TrimLeft(data, " \t\r\n")))
	}
	r, err := age.Decrypt(src, id)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) || errors.Is(err, age.ErrIncorrectIdentity) {
			return nil, refuse(WrongPassphrase, "", err)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, refuse(Truncated, "", err)
		}
		return nil, refuse(WrongPassphrase, "", err)
	}
	plain, err := readLimited(r, 0)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			return nil, err
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "last chunk") {
			return nil, refuse(Truncated, "", err)
		}
		// A changed byte in the body fails its chunk's authentication.
		return nil, refuse(WrongPassphrase, "", err)
	}
	return plain, nil
}
