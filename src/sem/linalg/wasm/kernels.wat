;; Dense kernels of the FIML information matrices in WebAssembly with 128-bit SIMD (two f64
;; lanes). Compiled by scripts/build-wasm.mjs into kernels-wasm.ts; called through
;; linalg/simd.ts, which pads the operands and falls back to linalg/dense.ts without SIMD.
(module
  (memory (export "memory") 1)

  ;; C += A Bᵀ: C[u, v] += Σ_{t<k} A[u lda + t] B[v ldb + t] for row-major A (m rows at byte
  ;; offset $a, $lda doubles apart), B (n rows at $b, $ldb apart), C (m×n at $c, rows $ldc
  ;; apart). The caller pads: m even, n a multiple of 4, k even; and blocks large products so
  ;; that the rows of B in use stay in cache (linalg/simd.ts).
  ;; A 2×4 block of C per pass over t, two t at a time: eight f64x2 running sums (lane 0 sums
  ;; the even t, lane 1 the odd t), added across lanes at the end; every pair of values loaded
  ;; serves two or four multiply-adds.
  (func (export "gemmNT") (param $a i32) (param $lda i32) (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32) (param $m i32) (param $n i32) (param $k i32)
    (local $u i32) (local $v i32) (local $t i32)
    (local $a0 i32) (local $a1 i32) (local $b0 i32) (local $b1 i32) (local $b2 i32) (local $b3 i32)
    (local $kb i32) (local $la i32) (local $lb i32) (local $lc i32) (local $o i32)
    (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $y1 v128) (local $y2 v128) (local $y3 v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $la (i32.shl (local.get $lda) (i32.const 3)))
    (local.set $lb (i32.shl (local.get $ldb) (i32.const 3)))
    (local.set $lc (i32.shl (local.get $ldc) (i32.const 3)))
    (local.set $u (i32.const 0))
    (block $rows_done (loop $rows
      (br_if $rows_done (i32.ge_u (local.get $u) (local.get $m)))
      (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $u) (local.get $la))))
      (local.set $a1 (i32.add (local.get $a0) (local.get $la)))
      (local.set $v (i32.const 0))
      (block $cols_done (loop $cols
        (br_if $cols_done (i32.ge_u (local.get $v) (local.get $n)))
        (local.set $b0 (i32.add (local.get $b) (i32.mul (local.get $v) (local.get $lb))))
        (local.set $b1 (i32.add (local.get $b0) (local.get $lb)))
        (local.set $b2 (i32.add (local.get $b1) (local.get $lb)))
        (local.set $b3 (i32.add (local.get $b2) (local.get $lb)))
        (local.set $c00 (v128.const f64x2 0 0)) (local.set $c01 (v128.const f64x2 0 0))
        (local.set $c02 (v128.const f64x2 0 0)) (local.set $c03 (v128.const f64x2 0 0))
        (local.set $c10 (v128.const f64x2 0 0)) (local.set $c11 (v128.const f64x2 0 0))
        (local.set $c12 (v128.const f64x2 0 0)) (local.set $c13 (v128.const f64x2 0 0))
        (local.set $t (i32.const 0))
        (block $dot_done (loop $dot
          (br_if $dot_done (i32.ge_u (local.get $t) (local.get $kb)))
          (local.set $x0 (v128.load (i32.add (local.get $a0) (local.get $t))))
          (local.set $x1 (v128.load (i32.add (local.get $a1) (local.get $t))))
          (local.set $y0 (v128.load (i32.add (local.get $b0) (local.get $t))))
          (local.set $y1 (v128.load (i32.add (local.get $b1) (local.get $t))))
          (local.set $y2 (v128.load (i32.add (local.get $b2) (local.get $t))))
          (local.set $y3 (v128.load (i32.add (local.get $b3) (local.get $t))))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x0) (local.get $y0))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x0) (local.get $y1))))
          (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x0) (local.get $y2))))
          (local.set $c03 (f64x2.add (local.get $c03) (f64x2.mul (local.get $x0) (local.get $y3))))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x1) (local.get $y0))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x1) (local.get $y1))))
          (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $x1) (local.get $y2))))
          (local.set $c13 (f64x2.add (local.get $c13) (f64x2.mul (local.get $x1) (local.get $y3))))
          (local.set $t (i32.add (local.get $t) (i32.const 16)))
          (br $dot)))
        (local.set $o (i32.add (local.get $c) (i32.add (i32.mul (local.get $u) (local.get $lc)) (i32.shl (local.get $v) (i32.const 3)))))
        (f64.store offset=0 (local.get $o) (f64.add (f64.load offset=0 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $c00)) (f64x2.extract_lane 1 (local.get $c00)))))
        (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $c01)) (f64x2.extract_lane 1 (local.get $c01)))))
        (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $c02)) (f64x2.extract_lane 1 (local.get $c02)))))
        (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $c03)) (f64x2.extract_lane 1 (local.get $c03)))))
        (local.set $o (i32.add (local.get $o) (local.get $lc)))
        (f64.store offset=0 (local.get $o) (f64.add (f64.load offset=0 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $c10)) (f64x2.extract_lane 1 (local.get $c10)))))
        (f64.store offset=8 (local.get $o) (f64.add (f64.load offset=8 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $c11)) (f64x2.extract_lane 1 (local.get $c11)))))
        (f64.store offset=16 (local.get $o) (f64.add (f64.load offset=16 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $c12)) (f64x2.extract_lane 1 (local.get $c12)))))
        (f64.store offset=24 (local.get $o) (f64.add (f64.load offset=24 (local.get $o)) (f64.add (f64x2.extract_lane 0 (local.get $c13)) (f64x2.extract_lane 1 (local.get $c13)))))
        (local.set $v (i32.add (local.get $v) (i32.const 4)))
        (br $cols)))
      (local.set $u (i32.add (local.get $u) (i32.const 2)))
      (br $rows)))
  )

  ;; The 2×2 block of dot products of rows $x0, $x1 with rows $y0, $y1 (byte offsets of the rows'
  ;; starts) over the byte range [$from, $to) (a multiple of 16 long), left in $s00 ($x0·$y0),
  ;; $s01 ($x0·$y1), $s10 ($x1·$y0), $s11 ($x1·$y1).
  (global $s00 (mut f64) (f64.const 0))
  (global $s01 (mut f64) (f64.const 0))
  (global $s10 (mut f64) (f64.const 0))
  (global $s11 (mut f64) (f64.const 0))
  (func $dot22 (param $x0 i32) (param $x1 i32) (param $y0 i32) (param $y1 i32) (param $from i32) (param $to i32)
    (local $t i32) (local $p v128) (local $q v128) (local $r v128) (local $s v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local.set $t (local.get $from))
    (block $done (loop $step
      (br_if $done (i32.ge_u (local.get $t) (local.get $to)))
      (local.set $p (v128.load (i32.add (local.get $x0) (local.get $t))))
      (local.set $q (v128.load (i32.add (local.get $x1) (local.get $t))))
      (local.set $r (v128.load (i32.add (local.get $y0) (local.get $t))))
      (local.set $s (v128.load (i32.add (local.get $y1) (local.get $t))))
      (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $p) (local.get $r))))
      (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $p) (local.get $s))))
      (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $q) (local.get $r))))
      (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $q) (local.get $s))))
      (local.set $t (i32.add (local.get $t) (i32.const 16)))
      (br $step)))
    (global.set $s00 (f64.add (f64x2.extract_lane 0 (local.get $c00)) (f64x2.extract_lane 1 (local.get $c00))))
    (global.set $s01 (f64.add (f64x2.extract_lane 0 (local.get $c01)) (f64x2.extract_lane 1 (local.get $c01))))
    (global.set $s10 (f64.add (f64x2.extract_lane 0 (local.get $c10)) (f64x2.extract_lane 1 (local.get $c10))))
    (global.set $s11 (f64.add (f64x2.extract_lane 0 (local.get $c11)) (f64x2.extract_lane 1 (local.get $c11)))))

;; The three factorisation kernels below go over the rows in blocks of $BLOCK rows: every pair of
  ;; earlier rows j, j+1 is read once per block rather than once per pair of rows i, i+1, so that
  ;; for large n the earlier rows come from memory n/BLOCK times instead of n/2 times. Within a
  ;; step (i, j) the arithmetic is that of the row-by-row order, in the same order, and every step
  ;; still follows the steps it depends on, so the results are the same to the last bit.
  (global $BLOCK i32 (i32.const 32))

  ;; In place, the lower Cholesky factor L of the symmetric positive-definite n×n matrix at byte
  ;; offset $a (row-major, n even; only the lower triangle is read and written). Returns 0, or 1
  ;; when a pivot is not positive and finite. Rows i, i+1 against rows j, j+1 (Golub & Van Loan
  ;; alg. 4.2.1 in 2×2 blocks): the four dot products over k < j by $dot22, then
  ;;   L_ij = (A_ij − s00)/L_jj,  L_i,j+1 = (A_i,j+1 − s01 − L_ij L_j+1,j)/L_j+1,j+1,
  ;; the same for row i+1 ($cholStep), and on the diagonal block ($cholDiagonal)
  ;;   L_ii = √(A_ii − s00),  L_i+1,i = (A_i+1,i − s10)/L_ii,  L_i+1,i+1 = √(A_i+1,i+1 − s11 − L_i+1,i²).
  ;; Step (i, j) needs rows j, j+1 complete and row i up to column j: for a block of rows, first
  ;; every j before the block against all its rows, then the block itself row by row.
  (func $cholStep (param $ri i32) (param $ri1 i32) (param $rj i32) (param $rj1 i32) (param $j i32)
    (local $jb i32) (local $ljj f64) (local $lj1j f64) (local $lj1j1 f64) (local $x f64)
    (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
    (call $dot22 (local.get $ri) (local.get $ri1) (local.get $rj) (local.get $rj1) (i32.const 0) (local.get $jb))
    (local.set $ljj (f64.load (i32.add (local.get $rj) (local.get $jb))))
    (local.set $lj1j (f64.load (i32.add (local.get $rj1) (local.get $jb))))
    (local.set $lj1j1 (f64.load offset=8 (i32.add (local.get $rj1) (local.get $jb))))
    ;; row i
    (local.set $x (f64.div (f64.sub (f64.load (i32.add (local.get $ri) (local.get $jb))) (global.get $s00)) (local.get $ljj)))
    (f64.store (i32.add (local.get $ri) (local.get $jb)) (local.get $x))
    (f64.store offset=8 (i32.add (local.get $ri) (local.get $jb))
      (f64.div (f64.sub (f64.sub (f64.load offset=8 (i32.add (local.get $ri) (local.get $jb))) (global.get $s01))
                        (f64.mul (local.get $x) (local.get $lj1j))) (local.get $lj1j1)))
    ;; row i + 1
    (local.set $x (f64.div (f64.sub (f64.load (i32.add (local.get $ri1) (local.get $jb))) (global.get $s10)) (local.get $ljj)))
    (f64.store (i32.add (local.get $ri1) (local.get $jb)) (local.get $x))
    (f64.store offset=8 (i32.add (local.get $ri1) (local.get $jb))
      (f64.div (f64.sub (f64.sub (f64.load offset=8 (i32.add (local.get $ri1) (local.get $jb))) (global.get $s11))
                        (f64.mul (local.get $x) (local.get $lj1j))) (local.get $lj1j1))))

  ;; The diagonal block of rows i, i+1; 1 when a pivot is not positive and finite, else 0.
  (func $cholDiagonal (param $ri i32) (param $ri1 i32) (param $i i32) (result i32)
    (local $ib i32) (local $d f64) (local $lii f64) (local $x f64)
    (local.set $ib (i32.shl (local.get $i) (i32.const 3)))
    (call $dot22 (local.get $ri) (local.get $ri1) (local.get $ri) (local.get $ri1) (i32.const 0) (local.get $ib))
    (local.set $d (f64.sub (f64.load (i32.add (local.get $ri) (local.get $ib))) (global.get $s00)))
    (if (i32.eqz (i32.and (f64.gt (local.get $d) (f64.const 0)) (f64.lt (local.get $d) (f64.const inf)))) (then (return (i32.const 1))))
    (local.set $lii (f64.sqrt (local.get $d)))
    (f64.store (i32.add (local.get $ri) (local.get $ib)) (local.get $lii))
    (local.set $x (f64.div (f64.sub (f64.load (i32.add (local.get $ri1) (local.get $ib))) (global.get $s10)) (local.get $lii)))
    (f64.store (i32.add (local.get $ri1) (local.get $ib)) (local.get $x))
    (local.set $d (f64.sub (f64.sub (f64.load offset=8 (i32.add (local.get $ri1) (local.get $ib))) (global.get $s11))
                           (f64.mul (local.get $x) (local.get $x))))
    (if (i32.eqz (i32.and (f64.gt (local.get $d) (f64.const 0)) (f64.lt (local.get $d) (f64.const inf)))) (then (return (i32.const 1))))
    (f64.store offset=8 (i32.add (local.get $ri1) (local.get $ib)) (f64.sqrt (local.get $d)))
    (i32.const 0))

  (func (export "cholesky") (param $a i32) (param $n i32) (result i32)
    (local $rb i32) (local $i0 i32) (local $iend i32) (local $i i32) (local $j i32) (local $ri i32) (local $rj i32)
    (local.set $rb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $i0 (i32.const 0))
    (block $blocks_done (loop $blocks
      (br_if $blocks_done (i32.ge_u (local.get $i0) (local.get $n)))
      (local.set $iend (select (local.get $n) (i32.add (local.get $i0) (global.get $BLOCK))
                               (i32.lt_u (local.get $n) (i32.add (local.get $i0) (global.get $BLOCK)))))
      ;; every pair j, j+1 before the block against every pair of rows of the block
      (local.set $j (i32.const 0))
      (block $before_done (loop $before
        (br_if $before_done (i32.ge_u (local.get $j) (local.get $i0)))
        (local.set $rj (i32.add (local.get $a) (i32.mul (local.get $j) (local.get $rb))))
        (local.set $i (local.get $i0))
        (block $rows_done (loop $rows
          (br_if $rows_done (i32.ge_u (local.get $i) (local.get $iend)))
          (local.set $ri (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rb))))
          (call $cholStep (local.get $ri) (i32.add (local.get $ri) (local.get $rb)) (local.get $rj) (i32.add (local.get $rj) (local.get $rb)) (local.get $j))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (br $rows)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $before)))
      ;; the block itself, row pair by row pair
      (local.set $i (local.get $i0))
      (block $inside_done (loop $inside
        (br_if $inside_done (i32.ge_u (local.get $i) (local.get $iend)))
        (local.set $ri (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rb))))
        (local.set $j (local.get $i0))
        (block $cols_done (loop $cols
          (br_if $cols_done (i32.ge_u (local.get $j) (local.get $i)))
          (local.set $rj (i32.add (local.get $a) (i32.mul (local.get $j) (local.get $rb))))
          (call $cholStep (local.get $ri) (i32.add (local.get $ri) (local.get $rb)) (local.get $rj) (i32.add (local.get $rj) (local.get $rb)) (local.get $j))
          (local.set $j (i32.add (local.get $j) (i32.const 2)))
          (br $cols)))
        (if (call $cholDiagonal (local.get $ri) (i32.add (local.get $ri) (local.get $rb)) (local.get $i)) (then (return (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $inside)))
      (local.set $i0 (local.get $iend))
      (br $blocks)))
    (i32.const 0))

  ;; U = L⁻ᵀ (upper triangular, row-major, at byte offset $u, zero on entry) of the lower-triangular
  ;; L at $l (n×n, n even): row j of U is column j of L⁻¹, U_ji = −(Σ_{j ≤ t < i} L_it U_jt)/L_ii,
  ;; U_ii = 1/L_ii (forward substitution). Rows i, i+1 of L against rows j, j+1 of U by $dot22 over
  ;; t in [j, i) (U_j+1,j = 0), then row i+1 adds its term L_i+1,i U_j,i ($invStep); the diagonal
  ;; block last ($invDiagonal). Step (i, j) needs U_jt for t < i: for a block of rows, first every
  ;; j before the block against all its rows (rows i in increasing order), then the block itself.
  (func $invStep (param $li i32) (param $li1 i32) (param $uj i32) (param $uj1 i32) (param $j i32) (param $i i32)
    (local $ib i32) (local $d0 f64) (local $d1 f64) (local $l10 f64) (local $w f64)
    (local.set $ib (i32.shl (local.get $i) (i32.const 3)))
    (local.set $d0 (f64.div (f64.const 1) (f64.load (i32.add (local.get $li) (local.get $ib)))))
    (local.set $d1 (f64.div (f64.const 1) (f64.load offset=8 (i32.add (local.get $li1) (local.get $ib)))))
    (local.set $l10 (f64.load (i32.add (local.get $li1) (local.get $ib))))
    (call $dot22 (local.get $li) (local.get $li1) (local.get $uj) (local.get $uj1) (i32.shl (local.get $j) (i32.const 3)) (local.get $ib))
    ;; U_j,i, U_j,i+1
    (local.set $w (f64.mul (f64.neg (global.get $s00)) (local.get $d0)))
    (f64.store (i32.add (local.get $uj) (local.get $ib)) (local.get $w))
    (f64.store offset=8 (i32.add (local.get $uj) (local.get $ib))
      (f64.mul (f64.neg (f64.add (global.get $s10) (f64.mul (local.get $l10) (local.get $w)))) (local.get $d1)))
    ;; U_j+1,i, U_j+1,i+1
    (local.set $w (f64.mul (f64.neg (global.get $s01)) (local.get $d0)))
    (f64.store (i32.add (local.get $uj1) (local.get $ib)) (local.get $w))
    (f64.store offset=8 (i32.add (local.get $uj1) (local.get $ib))
      (f64.mul (f64.neg (f64.add (global.get $s11) (f64.mul (local.get $l10) (local.get $w)))) (local.get $d1))))

  (func $invDiagonal (param $li i32) (param $li1 i32) (param $ui i32) (param $ui1 i32) (param $i i32)
    (local $ib i32) (local $d0 f64) (local $d1 f64) (local $l10 f64)
    (local.set $ib (i32.shl (local.get $i) (i32.const 3)))
    (local.set $d0 (f64.div (f64.const 1) (f64.load (i32.add (local.get $li) (local.get $ib)))))
    (local.set $d1 (f64.div (f64.const 1) (f64.load offset=8 (i32.add (local.get $li1) (local.get $ib)))))
    (local.set $l10 (f64.load (i32.add (local.get $li1) (local.get $ib))))
    (f64.store (i32.add (local.get $ui) (local.get $ib)) (local.get $d0))
    (f64.store offset=8 (i32.add (local.get $ui) (local.get $ib)) (f64.mul (f64.neg (local.get $l10)) (f64.mul (local.get $d0) (local.get $d1))))
    (f64.store offset=8 (i32.add (local.get $ui1) (local.get $ib)) (local.get $d1)))

  (func (export "lowerInverseTransposed") (param $l i32) (param $u i32) (param $n i32)
    (local $rb i32) (local $i0 i32) (local $iend i32) (local $i i32) (local $j i32) (local $li i32) (local $uj i32)
    (local.set $rb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $i0 (i32.const 0))
    (block $blocks_done (loop $blocks
      (br_if $blocks_done (i32.ge_u (local.get $i0) (local.get $n)))
      (local.set $iend (select (local.get $n) (i32.add (local.get $i0) (global.get $BLOCK))
                               (i32.lt_u (local.get $n) (i32.add (local.get $i0) (global.get $BLOCK)))))
      (local.set $j (i32.const 0))
      (block $before_done (loop $before
        (br_if $before_done (i32.ge_u (local.get $j) (local.get $i0)))
        (local.set $uj (i32.add (local.get $u) (i32.mul (local.get $j) (local.get $rb))))
        (local.set $i (local.get $i0))
        (block $rows_done (loop $rows
          (br_if $rows_done (i32.ge_u (local.get $i) (local.get $iend)))
          (local.set $li (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $rb))))
          (call $invStep (local.get $li) (i32.add (local.get $li) (local.get $rb)) (local.get $uj) (i32.add (local.get $uj) (local.get $rb)) (local.get $j) (local.get $i))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (br $rows)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $before)))
      (local.set $i (local.get $i0))
      (block $inside_done (loop $inside
        (br_if $inside_done (i32.ge_u (local.get $i) (local.get $iend)))
        (local.set $li (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $rb))))
        (local.set $j (local.get $i0))
        (block $cols_done (loop $cols
          (br_if $cols_done (i32.ge_u (local.get $j) (local.get $i)))
          (local.set $uj (i32.add (local.get $u) (i32.mul (local.get $j) (local.get $rb))))
          (call $invStep (local.get $li) (i32.add (local.get $li) (local.get $rb)) (local.get $uj) (i32.add (local.get $uj) (local.get $rb)) (local.get $j) (local.get $i))
          (local.set $j (i32.add (local.get $j) (i32.const 2)))
          (br $cols)))
        (local.set $uj (i32.add (local.get $u) (i32.mul (local.get $i) (local.get $rb))))
        (call $invDiagonal (local.get $li) (i32.add (local.get $li) (local.get $rb)) (local.get $uj) (i32.add (local.get $uj) (local.get $rb)) (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $inside)))
      (local.set $i0 (local.get $iend))
      (br $blocks)))
  )

  ;; C = U Uᵀ (n×n, both triangles) of the upper-triangular U at $u (n even) into $c:
  ;; (U Uᵀ)_ij = Σ_{t ≥ i} U_it U_jt for i ≥ j, rows i, i+1 against rows j, j+1 by $dot22 over
  ;; t in [i, n) (U_i+1,i = 0), each value stored at (i, j) and (j, i) ($gramStep). The steps are
  ;; independent; for a block of rows i, every pair j up to the block's last row against all of
  ;; the block's rows i ≥ j.
  (func $gramStep (param $u i32) (param $c i32) (param $rb i32) (param $i i32) (param $j i32)
    (local $ui i32) (local $ci i32) (local $cj i32)
    (local.set $ui (i32.add (local.get $u) (i32.mul (local.get $i) (local.get $rb))))
    (local.set $ci (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rb))))
    (call $dot22 (local.get $ui) (i32.add (local.get $ui) (local.get $rb))
      (i32.add (local.get $u) (i32.mul (local.get $j) (local.get $rb)))
      (i32.add (local.get $u) (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $rb)))
      (i32.shl (local.get $i) (i32.const 3)) (local.get $rb))
    (local.set $cj (i32.add (local.get $c) (i32.mul (local.get $j) (local.get $rb))))
    ;; (i, j), (i, j+1), (i+1, j), (i+1, j+1) and their mirrors
    (f64.store (i32.add (local.get $ci) (i32.shl (local.get $j) (i32.const 3))) (global.get $s00))
    (f64.store offset=8 (i32.add (local.get $ci) (i32.shl (local.get $j) (i32.const 3))) (global.get $s01))
    (f64.store (i32.add (i32.add (local.get $ci) (local.get $rb)) (i32.shl (local.get $j) (i32.const 3))) (global.get $s10))
    (f64.store offset=8 (i32.add (i32.add (local.get $ci) (local.get $rb)) (i32.shl (local.get $j) (i32.const 3))) (global.get $s11))
    (f64.store (i32.add (local.get $cj) (i32.shl (local.get $i) (i32.const 3))) (global.get $s00))
    (f64.store offset=8 (i32.add (local.get $cj) (i32.shl (local.get $i) (i32.const 3))) (global.get $s10))
    (f64.store (i32.add (i32.add (local.get $cj) (local.get $rb)) (i32.shl (local.get $i) (i32.const 3))) (global.get $s01))
    (f64.store offset=8 (i32.add (i32.add (local.get $cj) (local.get $rb)) (i32.shl (local.get $i) (i32.const 3))) (global.get $s11)))

  (func (export "upperGram") (param $u i32) (param $c i32) (param $n i32)
    (local $rb i32) (local $i0 i32) (local $iend i32) (local $i i32) (local $j i32)
    (local.set $rb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $i0 (i32.const 0))
    (block $blocks_done (loop $blocks
      (br_if $blocks_done (i32.ge_u (local.get $i0) (local.get $n)))
      (local.set $iend (select (local.get $n) (i32.add (local.get $i0) (global.get $BLOCK))
                               (i32.lt_u (local.get $n) (i32.add (local.get $i0) (global.get $BLOCK)))))
      (local.set $j (i32.const 0))
      (block $cols_done (loop $cols
        (br_if $cols_done (i32.ge_u (local.get $j) (local.get $iend)))
        ;; the block's rows i ≥ j
        (local.set $i (select (local.get $j) (local.get $i0) (i32.gt_u (local.get $j) (local.get $i0))))
        (block $rows_done (loop $rows
          (br_if $rows_done (i32.ge_u (local.get $i) (local.get $iend)))
          (call $gramStep (local.get $u) (local.get $c) (local.get $rb) (local.get $i) (local.get $j))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (br $rows)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $cols)))
      (local.set $i0 (local.get $iend))
      (br $blocks)))
  )
)
