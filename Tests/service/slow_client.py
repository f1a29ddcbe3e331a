#!/usr/bin/env python3
"""Slow clients for Tests/service/check-serve.sh; each prints what it saw and exits 0 when the service
closed the connection as it should.

    slow_client.py early PORT        a request answered early (400: no datum) whose body then drips:
                                     the read deadline must still close the connection
    slow_client.py noread PORT FILE  a request for a large explanation whose answer is never read: the
                                     write deadline must close the connection before the answer is out
"""
import socket
import sys
import time


def connect(port, receive_buffer=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if receive_buffer:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    s.connect(("127.0.0.1", port))
    return s


def early(port):
    s = connect(port)
    s.sendall(b"POST /v1/evaluate HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{")
    s.settimeout(5)
    first = s.recv(65536)
    if b" 400 " not in first.split(b"\r\n")[0]:
        sys.exit(f"early: expected a 400 without datum, got {first[:80]!r}")
    start = time.time()
    try:
        for _ in range(60):
            s.sendall(b" ")
            s.settimeout(1)
            try:
                if s.recv(65536) == b"":
                    break
            except socket.timeout:
                pass
    except (BrokenPipeError, ConnectionResetError):
        pass
    waited = time.time() - start
    if waited > 20:
        sys.exit(f"early: the dripping connection was still open after {waited:.0f} s")
    print(f"early: closed {waited:.1f} s after the early 400")


def noread(port, path):
    body = open(path, "rb").read()
    s = connect(port, receive_buffer=16384)
    s.sendall(b"POST /v1/evaluate?datum=2026-01-01 HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
              + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    time.sleep(12)
    received = b""
    s.settimeout(20)
    try:
        while True:
            chunk = s.recv(1 << 20)
            if not chunk:
                break
            received += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    head, _, rest = received.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), None)
    if length is None:
        sys.exit(f"noread: no answer head: {received[:120]!r}")
    if len(rest) >= length:
        sys.exit(f"noread: the whole answer ({length} bytes) stayed deliverable to a client that did not read for 12 s")
    print(f"noread: closed after {len(rest)} of {length} bytes of an answer nobody read")


if __name__ == "__main__":
    {"early": lambda: early(int(sys.argv[2])), "noread": lambda: noread(int(sys.argv[2]), sys.argv[3])}[sys.argv[1]]()
