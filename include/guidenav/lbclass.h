/* lbclass.h: the line-break class of every code point (UAX #14), in
 * constant time.
 *
 * The table is generated at build time (scripts/gen-lbclass, run by the
 * Makefile into the build folder) from the Unicode Character Database's
 * LineBreak.txt, as Debian's unicode-data package installs it. The classes
 * below are those of that file; the generator reads their names from this
 * enum, and a class of a newer file that is not listed here is taken as XX
 * (which UAX #14 resolves to AL, as such characters were classed before). */
#ifndef GUIDENAV_LBCLASS_H
#define GUIDENAV_LBCLASS_H

#include <stdint.h>

typedef enum gn_lb_class {
    GN_LB_XX, /* unknown (the default of LineBreak.txt): 0 */
    GN_LB_AI, GN_LB_AL, GN_LB_B2, GN_LB_BA, GN_LB_BB, GN_LB_BK, GN_LB_CB, GN_LB_CJ,
    GN_LB_CL, GN_LB_CM, GN_LB_CP, GN_LB_CR, GN_LB_EB, GN_LB_EM, GN_LB_EX, GN_LB_GL,
    GN_LB_H2, GN_LB_H3, GN_LB_HL, GN_LB_HY, GN_LB_ID, GN_LB_IN, GN_LB_IS, GN_LB_JL,
    GN_LB_JT, GN_LB_JV, GN_LB_LF, GN_LB_NL, GN_LB_NS, GN_LB_NU, GN_LB_OP, GN_LB_PO,
    GN_LB_PR, GN_LB_QU, GN_LB_RI, GN_LB_SA, GN_LB_SG, GN_LB_SP, GN_LB_SY, GN_LB_WJ,
    GN_LB_ZW, GN_LB_ZWJ,
    GN_LB_COUNT
} gn_lb_class;

/* The generated data: code points in blocks of 256, each block's classes
 * one byte each (identical blocks stored once). */
extern const unsigned char gn_lb_block[0x110000 >> 8];
extern const unsigned char gn_lb_classes[][256];
/* The smallest code point of each class (-1: none), and the Unicode
 * version of the file the table was made from ("15.0.0"). */
extern const int32_t gn_lb_first[GN_LB_COUNT];
extern const char gn_lb_unicode[];

/* The class of cp (0 <= cp <= 0x10FFFF). */
static inline gn_lb_class gn_lb_class_of(int32_t cp)
{
    return (gn_lb_class)gn_lb_classes[gn_lb_block[cp >> 8]][cp & 0xFF];
}

#endif
