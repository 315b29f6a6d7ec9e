/* alert.c: Adobe block kinds and their labels (see alert.h). */
#include <string.h>
#include "guidenav/alert.h"

static const char *const names[GN_KIND_COUNT] = {
    [GN_KIND_NOTE] = "NOTE", [GN_KIND_TIP] = "TIP", [GN_KIND_IMPORTANT] = "IMPORTANT",
    [GN_KIND_CAUTION] = "CAUTION", [GN_KIND_WARNING] = "WARNING", [GN_KIND_INFO] = "INFO",
    [GN_KIND_ADMIN] = "ADMIN", [GN_KIND_AVAILABILITY] = "AVAILABILITY",
    [GN_KIND_PREREQUISITES] = "PREREQUISITES", [GN_KIND_ERROR] = "ERROR",
    [GN_KIND_SUCCESS] = "SUCCESS", [GN_KIND_VIDEO] = "VIDEO",
    [GN_KIND_SEEALSO] = "MORELIKETHIS",
};

/* Languages with labels, in the column order of the table below. */
static const char *const langs[] = {"en", "ja", "ko", "fr", "de", "pt", "es", "zh"};
#define NLANGS (sizeof langs / sizeof *langs)

static const char *const labels[GN_KIND_COUNT][NLANGS] = {
    [GN_KIND_NOTE] = {"Note", "メモ", "참고", "Remarque", "Hinweis", "Observação", "Nota", "注意"},
    [GN_KIND_TIP] = {"Tip", "ヒント", "팁", "Conseil", "Tipp", "Dica", "Consejo", "提示"},
    [GN_KIND_IMPORTANT] = {"Important", "重要", "중요", "Important", "Wichtig", "Importante",
                           "Importante", "重要"},
    [GN_KIND_CAUTION] = {"Caution", "注意", "주의", "Attention", "Vorsicht", "Cuidado",
                         "Precaución", "小心"},
    [GN_KIND_WARNING] = {"Warning", "警告", "경고", "Avertissement", "Warnung", "Aviso",
                         "Advertencia", "警告"},
    [GN_KIND_INFO] = {"Info", "情報", "정보", "Info", "Info", "Informações", "Información",
                      "信息"},
    [GN_KIND_ADMIN] = {"Admin", "管理者", "관리자", "Admin", "Admin", "Administrador",
                       "Administrador", "管理员"},
    [GN_KIND_AVAILABILITY] = {"Availability", "利用可能性", "가용성", "Disponibilité",
                              "Verfügbarkeit", "Disponibilidade", "Disponibilidad", "可用性"},
    [GN_KIND_PREREQUISITES] = {"Prerequisites", "前提条件", "전제 조건", "Prérequis",
                               "Voraussetzungen", "Pré-requisitos", "Requisitos previos",
                               "先决条件"},
    [GN_KIND_ERROR] = {"Error", "エラー", "오류", "Erreur", "Fehler", "Erro", "Error", "错误"},
    [GN_KIND_SUCCESS] = {"Success", "成功", "성공", "Succès", "Erfolg", "Sucesso", "Éxito",
                         "成功"},
    [GN_KIND_VIDEO] = {"Video", "ビデオ", "비디오", "Vidéo", "Video", "Vídeo", "Vídeo", "视频"},
    [GN_KIND_SEEALSO] = {"See also", "関連項目", "참고 항목", "Voir aussi", "Siehe auch",
                         "Consulte também", "Véase también", "另请参阅"},
    [GN_KIND_SHADE] = {"", "", "", "", "", "", "", ""},
};

gn_kind gn_kind_from_name(const char *name, size_t name_len)
{
    for (int k = 1; k < GN_KIND_COUNT; k++)
        if (names[k] && strlen(names[k]) == name_len && memcmp(names[k], name, name_len) == 0)
            return (gn_kind)k;
    return GN_KIND_NONE;
}

const char *gn_kind_label(gn_kind kind, const char *lang)
{
    if (kind <= GN_KIND_NONE || kind >= GN_KIND_COUNT)
        return "";
    size_t col = 0;
    for (size_t i = 0; lang && i < NLANGS; i++)
        if (strncmp(lang, langs[i], 2) == 0 && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
            col = i;
    return labels[kind][col];
}

int gn_kind_warns(gn_kind kind)
{
    return kind == GN_KIND_IMPORTANT || kind == GN_KIND_CAUTION || kind == GN_KIND_WARNING ||
           kind == GN_KIND_ERROR;
}
