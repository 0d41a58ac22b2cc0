# Native language support: the message catalogue of the module (PGXS includes this file through nls-global.mk when
# PostgreSQL is built with NLS). make builds po/<language>.mo, make install puts it in
# share/locale/<language>/LC_MESSAGES/credit_gz-<major>.mo, make init-po extracts po/credit_gz.pot and
# make update-po merges it into po/<language>.po.new (doc/messages.md).
CATALOG_NAME     = credit_gz
AVAIL_LANGUAGES  = zh_CN
# The C files, the sentences of the plain-C core, and the messages SQL raises through credit_gz.msg (po/sql-msgids.c,
# extracted from src/*.sql and the SQL inside src/*.c by scripts/sql-msgids).
GETTEXT_FILES    = $(sort $(wildcard src/*.c)) $(sort $(wildcard src/core/*.c)) po/sql-msgids.c
GETTEXT_TRIGGERS = $(BACKEND_COMMON_GETTEXT_TRIGGERS) \
    GUC_check_errmsg GUC_check_errdetail GUC_check_errhint \
    core_text core_ntext:1,2 msg credit_gz_sql_text credit_gz_text
GETTEXT_FLAGS    = $(BACKEND_COMMON_GETTEXT_FLAGS) \
    GUC_check_errmsg:1:c-format GUC_check_errdetail:1:c-format GUC_check_errhint:1:c-format \
    core_text:1:c-format core_ntext:1:c-format core_ntext:2:c-format msg:1:no-c-format credit_gz_sql_text:1:no-c-format credit_gz_text:1:c-format
# the sources carry Chinese policy terms
XGETTEXT        += --from-code=UTF-8
