#!/usr/bin/env python3
"""Time from process start to the first request a `luma` command sends, native vs JIT.

A listener on 127.0.0.1 stands in for the simulator: it records when the first bytes of a request arrive and answers
with a completed generation, the way FakeLumaServer answers GET /generations/{id}. Each run spawns the command fresh,
so the figure includes runtime start-up, argument parsing, client set-up and the connection.

usage: first-request.py RUNS -- command [args...]   ({url} in an argument is replaced by the listener's base URL)
"""
import json, os, socket, statistics, subprocess, sys, threading, time

runs = int(sys.argv[1])
command = sys.argv[sys.argv.index("--") + 1:]
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(16)
port = server.getsockname()[1]
body = json.dumps({"id": "00000000-0000-4000-8000-000000000001", "created_at": "2026-04-08T12:00:00Z", "model": "uni-1",
                   "type": "image", "state": "completed", "output": []}).encode()
arrivals = []

def serve():
    while True:
        connection, _ = server.accept()
        data = connection.recv(65536)
        arrivals.append(time.perf_counter())
        while b"\r\n\r\n" not in data:
            data += connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        connection.close()

threading.Thread(target=serve, daemon=True).start()
environment = dict(os.environ, LUMA_AGENTS_API_KEY="luma-api-bench", LUMA_BASE_URL=f"http://127.0.0.1:{port}/v1/")
first, total = [], []
for i in range(runs + 2):
    before = len(arrivals)
    start = time.perf_counter()
    subprocess.run(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=True)
    end = time.perf_counter()
    if i < 2:
        continue  # warm-up: page cache, first JIT of the host
    first.append((arrivals[before] - start) * 1000)
    total.append((end - start) * 1000)

def describe(values):
    values = sorted(values)
    return f"median {statistics.median(values):.1f} ms, p90 {values[int(len(values) * 0.9) - 1]:.1f} ms, min {values[0]:.1f} ms"

print(f"first request: {describe(first)}")
print(f"whole command: {describe(total)}")
