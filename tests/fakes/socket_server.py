"""A tiny WebSocket server that plays Slack's Socket Mode side: it says hello, sends
envelopes, and collects the app's acknowledgements. RFC 6455 framing, text only."""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
import time
from typing import Any

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class SocketModeServer:
    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1)
        self.received: list[dict[str, Any]] = []
        self.connection: socket.socket | None = None
        self._lock = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.listener.getsockname()[1]}/link"

    def start(self) -> SocketModeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Hang up: shutdown() sends the app its end of stream and wakes this server's own
        reading thread (a close() alone does neither while that thread is in recv)."""
        for sock in (self.connection, self.listener):
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # not connected (the listener), or already gone
                sock.close()

    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode()
        header = bytes([0x81])
        if len(data) < 126:
            header += bytes([len(data)])
        elif len(data) < 65536:
            header += bytes([126]) + struct.pack(">H", len(data))
        else:
            header += bytes([127]) + struct.pack(">Q", len(data))
        with self._lock:
            while self.connection is None:
                self._lock.wait(5)
        assert self.connection is not None
        self.connection.sendall(header + data)

    def wait_for(self, envelope_id: str, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for message in self.received:
                    if message.get("envelope_id") == envelope_id:
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no ack for {envelope_id}: {self.received}")
                self._lock.wait(remaining)

    def _serve(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        request = b""
        while b"\r\n\r\n" not in request:
            request += conn.recv(4096)
        key = next(
            line.split(b":", 1)[1].strip()
            for line in request.split(b"\r\n")
            if line.lower().startswith(b"sec-websocket-key")
        )
        accept = base64.b64encode(hashlib.sha1(key + GUID.encode()).digest())
        conn.sendall(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
        )
        with self._lock:
            self.connection = conn
            self._lock.notify_all()
        buffer = b""
        while True:
            try:
                chunk = conn.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while True:
                frame, buffer = self._frame(buffer)
                if frame is None:
                    break
                opcode, payload = frame
                if opcode == 0x9:  # ping -> pong
                    conn.sendall(bytes([0x8A, len(payload)]) + payload)
                elif opcode == 0x1:
                    with self._lock:
                        self.received.append(json.loads(payload))
                        self._lock.notify_all()
                elif opcode == 0x8:
                    return

    @staticmethod
    def _frame(buffer: bytes) -> tuple[tuple[int, bytes] | None, bytes]:
        if len(buffer) < 2:
            return None, buffer
        opcode, length = buffer[0] & 0x0F, buffer[1] & 0x7F
        masked, offset = buffer[1] & 0x80, 2
        if length == 126:
            if len(buffer) < 4:
                return None, buffer
            length, offset = struct.unpack(">H", buffer[2:4])[0], 4
        elif length == 127:
            if len(buffer) < 10:
                return None, buffer
            length, offset = struct.unpack(">Q", buffer[2:10])[0], 10
        mask = b""
        if masked:
            mask, offset = buffer[offset : offset + 4], offset + 4
        if len(buffer) < offset + length:
            return None, buffer
        payload = buffer[offset : offset + length]
        if masked:
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        return (opcode, payload), buffer[offset + length :]
