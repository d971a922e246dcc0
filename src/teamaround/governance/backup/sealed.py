"""An encrypted, tamper-evident stream: AES-256-GCM in chunks, each chunk's number and whether
it is the last bound into its authentication tag. A file cut short anywhere (a backup
interrupted half-way, a partial copy) has no authenticated last chunk and is refused; a
changed byte fails its chunk's tag."""

from __future__ import annotations

import base64
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"TEAMAROUND-BACKUP-1\n"
CHUNK = 1024 * 1024


class UnusableBackup(Exception):
    """The backup cannot be trusted: cut short, changed, or sealed with another key."""


def new_key() -> str:
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode()


def parse_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode())
    except ValueError as error:
        raise ValueError("The backup key is not valid base64.") from error
    if len(key) != 32:
        raise ValueError("The backup key must be 32 bytes (make one with --new-key).")
    return key


def _aad(index: int, last: bool) -> bytes:
    return MAGIC + struct.pack(">Q?", index, last)


class SealedWriter:
    """A file-like writer: buffer, seal each full chunk; close() seals the last one."""

    def __init__(self, raw, key: bytes):
        self.raw, self.aead, self.buffer, self.index = raw, AESGCM(key), bytearray(), 0
        raw.write(MAGIC)

    def write(self, data) -> int:
        self.buffer += data
        while len(self.buffer) > CHUNK:
            self._seal(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        nonce = os.urandom(12)
        sealed = self.aead.encrypt(nonce, chunk, _aad(self.index, last))
        self.raw.write(struct.pack(">I", len(sealed)) + nonce + sealed)
        self.index += 1

    def close(self) -> None:
        self._seal(bytes(self.buffer), last=True)
        self.buffer.clear()

    def flush(self) -> None:
        pass


class SealedReader:
    """A file-like reader that opens each chunk, refusing anything not sealed whole."""

    def __init__(self, raw, key: bytes):
        if raw.read(len(MAGIC)) != MAGIC:
            raise UnusableBackup("This is not a TeamAround backup.")
        self.raw, self.aead, self.buffer, self.index, self.done = raw, AESGCM(key), b"", 0, False

    def _next(self) -> None:
        head = self.raw.read(4 + 12)
        if len(head) < 16:
            raise UnusableBackup("The backup is incomplete: it ends before its last part.")
        (length,) = struct.unpack(">I", head[:4])
        sealed = self.raw.read(length)
        if len(sealed) < length:
            raise UnusableBackup("The backup is incomplete: it ends part-way through.")
        for last in (False, True):
            try:
                self.buffer += self.aead.decrypt(head[4:], sealed, _aad(self.index, last))
            except InvalidTag:
                continue
            self.index += 1
            self.done = last
            return
        raise UnusableBackup("The backup has been changed, or was made with another key.")

    def read(self, size: int = -1) -> bytes:
        while not self.done and (size < 0 or len(self.buffer) < size):
            self._next()
        if size < 0:
            size = len(self.buffer)
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def finish(self) -> None:
        """Read to the sealed end (so a stream whose tar ended early is still checked)."""
        while not self.done:
            self._next()
        if self.raw.read(1):
            raise UnusableBackup("The backup has data after its last part.")
