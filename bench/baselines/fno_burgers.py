#!/usr/bin/env python3
"""PyTorch baseline for Ansatz's FNO training throughput (docs/operators.md).

The same 1D FNO as org.ansatz.operators (lifting of (a, x) to WIDTH channels, LAYERS Fourier layers
with GELU between them, projection WIDTH -> 128 -> 1), trained on random Burgers-sized batches with the
relative L2 loss and Adam with weight decay: one step = forward, backward, optimizer update.

  fno_burgers.py [--points 1024] [--width 64] [--modes 16] [--layers 4] [--batch 20]
                 [--threads 1] [--repeats 20] [--spectral fft|matmul]

--spectral fft is the FNO reference implementation (torch.fft.rfft, complex einsum, irfft);
--spectral matmul uses precomputed truncated Fourier bases as matrix products, as Ansatz does by default.

Prints one JSON object with the median and all step times in milliseconds. Without PyTorch it prints
a JSON object with "skipped" and the reason, and exits with status 0. Debian's python3-torch installs
into the system interpreter (/usr/bin/python3); a pyenv or venv python3 may not see it.
"""
import argparse
import json
import math
import statistics
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError as e:  # the baseline is optional: say so and leave the comparison out
    print(json.dumps({"skipped": "PyTorch is not importable by " + sys.executable + " (" + str(e) + "); "
                      "on Debian: apt-get install python3-torch and run with /usr/bin/python3"}))
    sys.exit(0)


class SpectralConv1d(torch.nn.Module):
    def __init__(self, width, modes, points, spectral):
        super().__init__()
        scale = 1.0 / (width * width)
        self.wr = torch.nn.Parameter(scale * torch.rand(modes, width, width))
        self.wi = torch.nn.Parameter(scale * torch.rand(modes, width, width))
        self.modes = modes
        self.spectral = spectral
        if spectral == "matmul":
            n = torch.arange(points, dtype=torch.float64)
            k = torch.arange(modes, dtype=torch.float64)
            ang = 2 * math.pi * torch.outer(n, k) / points
            self.register_buffer("fwd", torch.cat([torch.cos(ang), -torch.sin(ang)], 1).float())
            c = torch.full((modes,), 2.0 / points, dtype=torch.float64)
            c[0] = 1.0 / points
            if 2 * (modes - 1) == points:
                c[-1] = 1.0 / points
            inv = torch.cat([c[:, None] * torch.cos(ang.T), -c[:, None] * torch.sin(ang.T)], 0)
            self.register_buffer("inv", inv.float())

    def forward(self, v):  # v: [b, c, n]
        b, c, n = v.shape
        if self.spectral == "fft":
            x = torch.fft.rfft(v)[:, :, :self.modes]
            w = torch.complex(self.wr, self.wi)  # [m, c, o]
            y = torch.einsum("bcm,mco->bom", x, w)
            return torch.fft.irfft(y, n=n)
        xs = (v.reshape(b * c, n) @ self.fwd).reshape(b, c, 2, self.modes).permute(3, 0, 2, 1).reshape(self.modes, b, 2 * c)
        block = torch.cat([torch.cat([self.wr, self.wi], 2), torch.cat([-self.wi, self.wr], 2)], 1)
        ys = torch.bmm(xs, block).reshape(self.modes, b, 2, -1)
        o = ys.shape[-1]
        return (ys.permute(1, 3, 2, 0).reshape(b * o, 2 * self.modes) @ self.inv).reshape(b, o, n)


class Fno1d(torch.nn.Module):
    def __init__(self, width, modes, layers, points, spectral):
        super().__init__()
        self.lift = torch.nn.Linear(2, width)
        self.spectral = torch.nn.ModuleList([SpectralConv1d(width, modes, points, spectral) for _ in range(layers)])
        self.pointwise = torch.nn.ModuleList([torch.nn.Conv1d(width, width, 1) for _ in range(layers)])
        self.project1 = torch.nn.Linear(width, 128)
        self.project2 = torch.nn.Linear(128, 1)

    def forward(self, a):  # a: [b, n, 1]
        b, n, _ = a.shape
        grid = torch.arange(n, dtype=a.dtype).div(n).reshape(1, n, 1).expand(b, n, 1)
        v = self.lift(torch.cat([a, grid], -1)).permute(0, 2, 1)
        for i, (k, w) in enumerate(zip(self.spectral, self.pointwise)):
            v = k(v) + w(v)
            if i < len(self.spectral) - 1:
                v = F.gelu(v)
        return self.project2(F.gelu(self.project1(v.permute(0, 2, 1))))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--points", type=int, default=1024)
    p.add_argument("--width", type=int, default=64)
    p.add_argument("--modes", type=int, default=16)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--batch", type=int, default=20)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--repeats", type=int, default=20)
    p.add_argument("--spectral", choices=["fft", "matmul"], default="fft")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    model = Fno1d(args.width, args.modes, args.layers, args.points, args.spectral)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    a = torch.randn(args.batch, args.points, 1)
    u = torch.randn(args.batch, args.points, 1)

    def step():
        opt.zero_grad(set_to_none=True)
        out = model(a)
        loss = ((out - u).flatten(1).norm(dim=1) / u.flatten(1).norm(dim=1)).mean()
        loss.backward()
        opt.step()

    for _ in range(3):
        step()
    times = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1e3)
    print(json.dumps({"torch": torch.__version__, "spectral": args.spectral, "threads": args.threads,
                      "batch": args.batch, "points": args.points, "width": args.width, "modes": args.modes,
                      "median_ms": statistics.median(times), "times_ms": times}))


if __name__ == "__main__":
    main()
