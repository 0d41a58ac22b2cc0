/*
 * credit_gz.h — module-wide settings (GUCs) and shared declarations.
 */
#ifndef CREDIT_GZ_H
#define CREDIT_GZ_H

/* credit_gz.uscc_weak: accept codes whose only defect is a check character, flagged with '!'. */
extern bool credit_gz_uscc_weak;

#endif							/* CREDIT_GZ_H */
