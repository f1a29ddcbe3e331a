#ifndef CGMP_SHIM_H
#define CGMP_SHIM_H
#include <gmp.h>
/* GMP's documented names (mpz_add, mpq_mul, ...) are #define aliases of __gmpz_add etc., and a few
   are function-like macros. Swift imports neither, so the macros get static inline wrappers here;
   everything else is called through its __gmpz_* / __gmpq_* name. */
static inline int cgmp_mpz_sgn(const __mpz_struct *z) { return mpz_sgn(z); }
static inline int cgmp_mpq_sgn(const __mpq_struct *q) { return mpq_sgn(q); }
static inline __mpz_struct *cgmp_mpq_numref(__mpq_struct *q) { return mpq_numref(q); }
static inline __mpz_struct *cgmp_mpq_denref(__mpq_struct *q) { return mpq_denref(q); }
static inline const __mpz_struct *cgmp_mpq_numref_const(const __mpq_struct *q) { return mpq_numref(q); }
static inline const __mpz_struct *cgmp_mpq_denref_const(const __mpq_struct *q) { return mpq_denref(q); }
static inline int cgmp_mpz_fits_slong(const __mpz_struct *z) { return mpz_fits_slong_p(z); }
#endif
