/* A fixture for tests/check-vendor-free.py --self-test: the vendor names in
 * code and strings below are found, those in comments are not (Yealink,
 * PLANET, snom, Konftel in this comment are allowed). */

// A line comment naming Fanvil is allowed too.

static const char *table[][2] = {
  /* "Grandstream" inside a comment, even quoted, is allowed. */
  { "Yealink", "name" },
  { "x", "PLANET phones refresh STUN every 50 s" },
};
static int         snomC520 = 0;
static const char *keepalive = "the SwyxWare LinkManager // not a comment";
static const char *format = "PHONESET_CFG_FORMAT_FANVIL is an identifier, polyline a word";
