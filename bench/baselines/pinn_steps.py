#!/usr/bin/env python3
"""PyTorch baselines for Ansatz's derivative benchmarks (bench/run), computing what the Java cases compute.

Every case: a tanh MLP (DEPTH hidden layers of WIDTH, one output) on N uniform random points in the unit
cube, float32, derivatives by nested torch.autograd.grad (create_graph=True, the usual way), a mean-square
loss and its backward pass to the weights. No optimizer update.

  --case burgers     residual u_t + u u_x - nu u_xx on inputs (t, x), nu = 0.01/pi
  --case poisson     residual u_xx + u_yy + 2 pi^2 sin(pi x) sin(pi y) on inputs (x, y)
  --case order       d^k u / dx^k of a 1D network (--order k), k nested grads
  --case laplacian   sum_i u_ii in --dim d dimensions: one gradient, then one grad per dimension

  --threads T        torch.set_num_threads(T); inter-op threads are pinned to 1 (both reported)
  --repeats R --warmup W   R timed steps after W untimed ones
  --warmup-seconds S       and after at least S seconds of untimed steps (the Java side needs them for
                           its JIT; both sides follow the same rule)
  --measure memory   instead of times: peak memory after the steps (VmHWM, VmRSS, ru_maxrss), in KiB;
                     --repeats 0 gives the footprint of the interpreter with torch and the network only

Prints one JSON object. Without PyTorch it prints {"skipped": reason} and exits with status 0.
"""
import argparse
import json
import math
import resource
import statistics
import sys
import time

try:
    import torch
except ImportError as e:  # the baseline is optional: say so, and the Java side leaves the column out
    print(json.dumps({"skipped": "PyTorch is not importable by " + sys.executable + " (" + str(e) + "); "
                      "on Debian: apt-get install python3-torch and run with /usr/bin/python3"}))
    sys.exit(0)


def mlp(inputs, width, depth):
    layers = []
    n = inputs
    for _ in range(depth):
        layers += [torch.nn.Linear(n, width), torch.nn.Tanh()]
        n = width
    layers.append(torch.nn.Linear(n, 1))
    return torch.nn.Sequential(*layers)


def grad(y, x):
    return torch.autograd.grad(y.sum(), x, create_graph=True)[0]


def burgers(net, x):
    nu = 0.01 / math.pi
    u = net(x)
    g = grad(u, x)
    u_t, u_x = g[:, 0:1], g[:, 1:2]
    u_xx = grad(u_x, x)[:, 1:2]
    r = u_t + u * u_x - nu * u_xx
    return (r * r).mean()


def poisson_loss(f):
    def loss(net, x):
        g = grad(net(x), x)
        u_xx = grad(g[:, 0:1], x)[:, 0:1]
        u_yy = grad(g[:, 1:2], x)[:, 1:2]
        r = u_xx + u_yy + f
        return (r * r).mean()
    return loss


def order_loss(k):
    def loss(net, x):
        d = net(x)
        for _ in range(k):
            d = grad(d, x)
        return (d * d).mean()
    return loss


def laplacian_loss(dim):
    def loss(net, x):
        g = grad(net(x), x)
        lap = grad(g[:, 0:1], x)[:, 0:1]
        for i in range(1, dim):
            lap = lap + grad(g[:, i:i + 1], x)[:, i:i + 1]
        return (lap * lap).mean()
    return loss


def memory_kib():
    status = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                status[key] = int(value.split()[0])
    # ru_maxrss is in KiB on Linux
    status["ru_maxrss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return status


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--case", required=True, choices=["burgers", "poisson", "order", "laplacian"])
    p.add_argument("--n", type=int, required=True)
    p.add_argument("--width", type=int, required=True)
    p.add_argument("--depth", type=int, required=True)
    p.add_argument("--order", type=int, default=1)
    p.add_argument("--dim", type=int, default=2)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--warmup-seconds", type=float, default=0)
    p.add_argument("--measure", choices=["time", "memory"], default="time")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    inputs = {"burgers": 2, "poisson": 2, "order": 1, "laplacian": a.dim}[a.case]
    net = mlp(inputs, a.width, a.depth)
    x = torch.rand(a.n, inputs, requires_grad=True)
    if a.case == "burgers":
        loss = burgers
    elif a.case == "poisson":
        with torch.no_grad():  # data, as on the Java side: computed once outside the step
            f = 2 * math.pi ** 2 * torch.sin(math.pi * x[:, 0:1]) * torch.sin(math.pi * x[:, 1:2])
        loss = poisson_loss(f)
    elif a.case == "order":
        loss = order_loss(a.order)
    else:
        loss = laplacian_loss(a.dim)

    def step():
        net.zero_grad(set_to_none=True)
        loss(net, x).backward()

    result = {"torch": torch.__version__, "threads": torch.get_num_threads(),
              "interop_threads": torch.get_num_interop_threads()}
    steps = a.warmup + a.repeats if a.repeats > 0 else 0
    if a.measure == "memory":
        for _ in range(steps):
            step()
        result.update(memory_kib())
        result["steps"] = steps
    else:
        start = time.perf_counter()
        i = 0
        while i < a.warmup or time.perf_counter() - start < a.warmup_seconds:
            step()
            i += 1
        times = []
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            step()
            times.append((time.perf_counter() - t0) * 1000)
        result.update({"median_ms": statistics.median(times), "times_ms": times})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
