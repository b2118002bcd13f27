"""Writes reference.json: exp, log, log1p, pow, log2, log10 at pseudo-random and edge arguments, with
the true value computed by mpmath at 200 bits and stored as [args..., rounded, residual], where rounded
is the true value rounded to the nearest double and residual = (true - rounded) / ulp(rounded).

Run: python3 tests/unit/numeric/make-reference.py (mpmath 1.3.0)."""
import json, math, os, random
import mpmath

mpmath.mp.prec = 200
rng = random.Random(20261206)
U = rng.uniform


def logs(lo, hi, n):
    return [math.exp(U(lo, hi)) for _ in range(n)]


args = {
    "exp": [[x] for x in [U(-745.1, 709.7) for _ in range(300)] + [U(-2, 2) for _ in range(200)]
            + [U(-1e-6, 1e-6) for _ in range(50)] + [U(-745.13, -708.4) for _ in range(50)]
            + [709.78, -745.13, 0.34657359027997264, 1.0397207708399179, 1e-300]],
    "log": [[x] for x in logs(-700, 700, 300) + [U(0.5, 2) for _ in range(200)]
            + [U(0.9999, 1.0001) for _ in range(50)] + [rng.random() * 2.2e-308 for _ in range(50)]
            + [1.7976931348623157e308, 5e-324, 0.7071067811865476, 1.4142135623730951]],
    "log1p": [[x] for x in [U(-1, 3) for _ in range(200)] + [U(-1e-5, 1e-5) for _ in range(100)]
              + logs(-700, 700, 100) + [U(-0.3, 0.42) for _ in range(200)] + [-0.9999999999999999, 1e-300]],
    "pow": [[x, y] for x, y in [(math.exp(U(-20, 20)), U(-2.5, 2.5)) for _ in range(300)]
            + [(U(0.01, 100), rng.choice([1.5, -0.5, 1 / 3, 3, 2.5, -7, 17])) for _ in range(200)]
            + [(U(0.5, 2), U(-70, 70)) for _ in range(100)]],
    "log2": [[x] for x in logs(-700, 700, 150) + [U(0.5, 2) for _ in range(100)]],
    "log10": [[x] for x in logs(-700, 700, 150) + [U(0.5, 2) for _ in range(100)]],
}
true = {
    "exp": lambda a: mpmath.exp(a[0]),
    "log": lambda a: mpmath.log(a[0]),
    "log1p": lambda a: mpmath.log1p(a[0]),
    "pow": lambda a: mpmath.power(a[0], a[1]),
    "log2": lambda a: mpmath.log(a[0], 2),
    "log10": lambda a: mpmath.log10(a[0]),
}
out = {}
for name, rows in args.items():
    kept = []
    for a in rows:
        t = true[name]([mpmath.mpf(v) for v in a])
        r = float(t)
        if r == 0 or math.isinf(r) or abs(r) < 2.2250738585072014e-308:
            continue
        kept.append(a + [r, float((t - mpmath.mpf(r)) / math.ulp(r))])
    out[name] = kept
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
