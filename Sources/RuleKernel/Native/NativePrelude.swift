/// The C that every generated kernel starts with: exact calendar arithmetic on packed dates and the
/// law's roundings through 128-bit intermediates.
///
/// Each function mirrors one in Swift line for line — `DayMath` (packed dates), `CivilDate` (Hinnant's
/// day numbers) and `GraphBuilder.roundDivide` — so that the native backend gives bit for bit what
/// the interpreter gives; the differential tests hold them to that. Compiled with `-fwrapv`, so the
/// unchecked arithmetic the range analysis proved safe is two's complement as in Swift's `&+`.
enum NativePrelude {
  static let text = #"""
#include <stdint.h>
typedef __int128 t_i128;
#define T_I64_MIN ((t_i128)INT64_MIN)
#define T_I64_MAX ((t_i128)INT64_MAX)
#define T_I128_MAX ((t_i128)(((unsigned __int128)1 << 127) - 1))

static inline uint8_t t_max(uint8_t a, uint8_t b) { return a > b ? a : b; }

static inline int64_t t_days(int64_t year, int64_t month, int64_t day) {
  int64_t y = month <= 2 ? year - 1 : year;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static inline int64_t t_pack(int64_t y, int64_t m, int64_t d) { return y * 1024 + m * 32 + d; }

static inline int64_t t_pack_day(int64_t day) {
  int64_t z = day + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return t_pack(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

static inline int64_t t_unpack(int64_t p) { return t_days(p >> 10, (p >> 5) & 31, p & 31); }

static inline int64_t t_days_in(int64_t month, int64_t year) {
  if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
  if (month == 4 || month == 6 || month == 9 || month == 11) return 30;
  return 31;
}

static inline int64_t t_add_packed(int64_t p, int64_t packed, int subtract) {
  int64_t months = packed >> 6, extra = packed & 63;
  if (subtract) { months = -months; extra = -extra; }
  int64_t y = p >> 10, m = (p >> 5) & 31, d = p & 31;
  int64_t total = y * 12 + (m - 1) + months;
  int64_t ny = total >= 0 ? total / 12 : (total - 11) / 12;
  int64_t nm = total - ny * 12 + 1;
  int64_t result;
  if (d <= t_days_in(nm, ny)) result = t_pack(ny, nm, d);
  else result = nm == 12 ? t_pack(ny + 1, 1, 1) : t_pack(ny, nm + 1, 1);
  if (extra != 0) result = t_pack_day(t_unpack(result) + extra);
  return result;
}

static inline int64_t t_first_of_month(int64_t p) { return (p & ~(int64_t)31) | 1; }

static inline int64_t t_first_of_next_month(int64_t p) {
  int64_t y = p >> 10, m = (p >> 5) & 31;
  return m == 12 ? t_pack(y + 1, 1, 1) : t_pack(y, m + 1, 1);
}

static inline int64_t t_age_packed(int64_t b, int64_t t) {
  int64_t months = ((t >> 10) - (b >> 10)) * 12 + (((t >> 5) & 31) - ((b >> 5) & 31)) - ((b & 31) > (t & 31) ? 1 : 0);
  if (months < 0) months = -((-months + 11) / 12) * 12;
  return months * 64;
}

/* round(n / d) with mode 0 rekenkundig, 1 naar boven, 2 naar beneden; 0 when d = 0, when an
   intermediate does not fit 128 bits, or when the result does not fit 64 bits. */
static inline int t_round_divide(t_i128 n, t_i128 d, int mode, int64_t *out) {
  if (d == 0) return 0;
  if (d < 0) { if (n == -T_I128_MAX - 1 || d == -T_I128_MAX - 1) return 0; n = -n; d = -d; }
  t_i128 q;
  if (n > -((t_i128)1 << 61) && n < ((t_i128)1 << 61) && d < ((t_i128)1 << 61)) {
    int64_t n64 = (int64_t)n, d64 = (int64_t)d, q64;
    if (mode == 2) { q64 = n64 / d64; if (n64 % d64 != 0 && n64 < 0) q64 -= 1; }
    else if (mode == 1) { q64 = n64 / d64; if (n64 % d64 != 0 && n64 > 0) q64 += 1; }
    else { int64_t a = n64 < 0 ? -n64 : n64; q64 = (a * 2 + d64) / (d64 * 2); if (n64 < 0) q64 = -q64; }
    *out = q64;
    return 1;
  }
  if (mode == 2) { q = n / d; if (n % d != 0 && n < 0) q -= 1; }
  else if (mode == 1) { q = n / d; if (n % d != 0 && n > 0) q += 1; }
  else {
    if (n == -T_I128_MAX - 1) return 0;
    t_i128 a = n < 0 ? -n : n;
    if (a > (T_I128_MAX - d) / 2 || d > T_I128_MAX / 2) return 0;
    q = (a * 2 + d) / (d * 2);
    if (n < 0) q = -q;
  }
  if (q < T_I64_MIN || q > T_I64_MAX) return 0;
  *out = (int64_t)q;
  return 1;
}

"""#
}
