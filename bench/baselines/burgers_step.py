#!/usr/bin/env python3
"""PyTorch baselines for Ansatz's step benchmarks, computing exactly what the Java cases compute.

  burgers N WIDTH DEPTH THREADS REPEATS   Burgers residual u_t + u u_x - nu u_xx by nested
                                          torch.autograd.grad, mean-square loss, backward to the weights
  order   N WIDTH DEPTH THREADS REPEATS K  d^k u / dx^k of a 1D network by k nested grads, then backward

Prints one JSON object: median and all step times in milliseconds.
"""
import json
import math
import statistics
import sys
import time

import torch


def mlp(inputs, width, depth):
    layers = []
    n = inputs
    for _ in range(depth):
        layers += [torch.nn.Linear(n, width), torch.nn.Tanh()]
        n = width
    layers.append(torch.nn.Linear(n, 1))
    return torch.nn.Sequential(*layers)


def main():
    case, n, width, depth, threads, repeats = sys.argv[1], *map(int, sys.argv[2:7])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    nu = 0.01 / math.pi
    if case == "burgers":
        net = mlp(2, width, depth)
        x = torch.rand(n, 2, requires_grad=True)

        def step():
            net.zero_grad(set_to_none=True)
            u = net(x)
            g = torch.autograd.grad(u.sum(), x, create_graph=True)[0]
            u_t, u_x = g[:, 0:1], g[:, 1:2]
            u_xx = torch.autograd.grad(u_x.sum(), x, create_graph=True)[0][:, 1:2]
            r = u_t + u * u_x - nu * u_xx
            loss = (r * r).mean()
            loss.backward()
            return loss
    elif case == "order":
        k = int(sys.argv[7])
        net = mlp(1, width, depth)
        x = torch.rand(n, 1, requires_grad=True)

        def step():
            net.zero_grad(set_to_none=True)
            d = net(x)
            for _ in range(k):
                d = torch.autograd.grad(d.sum(), x, create_graph=True)[0]
            loss = (d * d).mean()
            loss.backward()
            return loss
    else:
        raise SystemExit("unknown case " + case)

    for _ in range(max(3, repeats // 5)):
        step()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"median_ms": statistics.median(times), "times_ms": times, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
