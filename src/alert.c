/* alert.c: Adobe block kinds and their labels (see alert.h). */
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include "guidenav/alert.h"

static const char *const names[GN_KIND_COUNT] = {
    [GN_KIND_NOTE] = "NOTE", [GN_KIND_TIP] = "TIP", [GN_KIND_IMPORTANT] = "IMPORTANT",
    [GN_KIND_CAUTION] = "CAUTION", [GN_KIND_WARNING] = "WARNING", [GN_KIND_INFO] = "INFO",
    [GN_KIND_ADMIN] = "ADMIN", [GN_KIND_AVAILABILITY] = "AVAILABILITY",
    [GN_KIND_PREREQUISITES] = "PREREQUISITES", [GN_KIND_ERROR] = "ERROR",
    [GN_KIND_SUCCESS] = "SUCCESS", [GN_KIND_VIDEO] = "VIDEO",
    [GN_KIND_SEEALSO] = "MORELIKETHIS",
};

/* The labels, one row per language of the Experience League, English
 * first (the fallback). A row's lang is a language subtag, or for Chinese
 * the script ("zh-Hans", "zh-Hant": see row_of). Each row names every kind
 * but the shaded block, which has no label. */
typedef struct lang_labels {
    const char *lang;
    const char *label[GN_KIND_COUNT];
} lang_labels;

#define LABELS(note, tip, important, caution, warning, info, admin, availability, prereq, \
               error, success, video, seealso)                                          \
    {[GN_KIND_NOTE] = note, [GN_KIND_TIP] = tip, [GN_KIND_IMPORTANT] = important,        \
     [GN_KIND_CAUTION] = caution, [GN_KIND_WARNING] = warning, [GN_KIND_INFO] = info,    \
     [GN_KIND_ADMIN] = admin, [GN_KIND_AVAILABILITY] = availability,                     \
     [GN_KIND_PREREQUISITES] = prereq, [GN_KIND_ERROR] = error,                          \
     [GN_KIND_SUCCESS] = success, [GN_KIND_VIDEO] = video, [GN_KIND_SEEALSO] = seealso,  \
     [GN_KIND_SHADE] = ""}

static const lang_labels table[] = {
    {"en", LABELS("Note", "Tip", "Important", "Caution", "Warning", "Info", "Admin",
                  "Availability", "Prerequisites", "Error", "Success", "Video", "See also")},
    {"cs", LABELS("Poznámka", "Tip", "Důležité", "Upozornění", "Varování", "Informace",
                  "Správce", "Dostupnost", "Předpoklady", "Chyba", "Úspěch", "Video",
                  "Viz také")},
    {"da", LABELS("Bemærk", "Tip", "Vigtigt", "Forsigtig", "Advarsel", "Information",
                  "Administrator", "Tilgængelighed", "Forudsætninger", "Fejl", "Udført",
                  "Video", "Se også")},
    {"de", LABELS("Hinweis", "Tipp", "Wichtig", "Vorsicht", "Warnung", "Info",
                  "Administrator", "Verfügbarkeit", "Voraussetzungen", "Fehler", "Erfolg",
                  "Video", "Siehe auch")},
    {"es", LABELS("Nota", "Consejo", "Importante", "Precaución", "Advertencia",
                  "Información", "Administrador", "Disponibilidad", "Requisitos previos",
                  "Error", "Éxito", "Vídeo", "Véase también")},
    {"fi", LABELS("Huomautus", "Vihje", "Tärkeää", "Huomio", "Varoitus", "Tietoja",
                  "Järjestelmänvalvoja", "Saatavuus", "Edellytykset", "Virhe", "Onnistui",
                  "Video", "Katso myös")},
    {"fr", LABELS("Remarque", "Conseil", "Important", "Attention", "Avertissement",
                  "Informations", "Administrateur", "Disponibilité", "Prérequis", "Erreur",
                  "Succès", "Vidéo", "Voir aussi")},
    {"it", LABELS("Nota", "Suggerimento", "Importante", "Attenzione", "Avvertenza",
                  "Informazioni", "Amministratore", "Disponibilità", "Prerequisiti", "Errore",
                  "Successo", "Video", "Vedi anche")},
    {"ja", LABELS("メモ", "ヒント", "重要", "注意", "警告", "情報", "管理者", "利用可能性",
                  "前提条件", "エラー", "成功", "ビデオ", "関連項目")},
    {"ko", LABELS("참고", "팁", "중요", "주의", "경고", "정보", "관리자", "가용성",
                  "전제 조건", "오류", "성공", "비디오", "참고 항목")},
    {"nb", LABELS("Merknad", "Tips", "Viktig", "Forsiktig", "Advarsel", "Informasjon",
                  "Administrator", "Tilgjengelighet", "Forutsetninger", "Feil", "Vellykket",
                  "Video", "Se også")},
    {"nl", LABELS("Opmerking", "Tip", "Belangrijk", "Let op", "Waarschuwing", "Informatie",
                  "Beheerder", "Beschikbaarheid", "Vereisten", "Fout", "Geslaagd", "Video",
                  "Zie ook")},
    {"pl", LABELS("Uwaga", "Wskazówka", "Ważne", "Przestroga", "Ostrzeżenie", "Informacja",
                  "Administrator", "Dostępność", "Wymagania wstępne", "Błąd", "Sukces",
                  "Wideo", "Zobacz też")},
    {"pt", LABELS("Observação", "Dica", "Importante", "Cuidado", "Aviso", "Informações",
                  "Administrador", "Disponibilidade", "Pré-requisitos", "Erro", "Sucesso",
                  "Vídeo", "Consulte também")},
    {"ru", LABELS("Примечание", "Совет", "Важно", "Внимание", "Предупреждение",
                  "Информация", "Администратор", "Доступность", "Предварительные требования",
                  "Ошибка", "Успешно", "Видео", "См. также")},
    {"sv", LABELS("Obs!", "Tips", "Viktigt", "Försiktighet", "Varning", "Information",
                  "Administratör", "Tillgänglighet", "Förutsättningar", "Fel", "Lyckades",
                  "Video", "Se även")},
    {"tr", LABELS("Not", "İpucu", "Önemli", "Dikkat", "Uyarı", "Bilgi", "Yönetici",
                  "Kullanılabilirlik", "Ön koşullar", "Hata", "Başarılı", "Video",
                  "Ayrıca bakın")},
    {"zh-Hans", LABELS("注意", "提示", "重要", "小心", "警告", "信息", "管理员", "可用性",
                       "先决条件", "错误", "成功", "视频", "另请参阅")},
    {"zh-Hant", LABELS("注意", "提示", "重要", "小心", "警告", "資訊", "管理員", "可用性",
                       "先決條件", "錯誤", "成功", "影片", "另請參閱")},
};
#define NLANGS (sizeof table / sizeof *table)

gn_kind gn_kind_from_name(const char *name, size_t name_len)
{
    for (int k = 1; k < GN_KIND_COUNT; k++)
        if (names[k] && strlen(names[k]) == name_len && memcmp(names[k], name, name_len) == 0)
            return (gn_kind)k;
    return GN_KIND_NONE;
}

/* True when the subtag s[0..n) is want, ignoring ASCII case. */
static bool subtag_is(const char *s, size_t n, const char *want)
{
    return strlen(want) == n && strncasecmp(s, want, n) == 0;
}

/* The row of table for lang: its language subtag (the letters before the
 * first '-', '_', '.' or '@', any case), with "no" read as Norwegian
 * Bokmål. Chinese is Traditional with the script Hant or, without a
 * script, the region TW, HK or MO, and Simplified otherwise (Hans, CN,
 * SG, none). The English row when the language has none. */
static const lang_labels *row_of(const char *lang)
{
    if (!lang)
        return &table[0];
    size_t n = strcspn(lang, "-_.@");
    const char *key = subtag_is(lang, n, "no") ? "nb" : NULL;
    if (subtag_is(lang, n, "zh")) {
        bool hant = false, script = false;
        for (const char *p = lang + n; *p == '-' || *p == '_';) {
            p++;
            size_t m = strcspn(p, "-_.@");
            if (!script && subtag_is(p, m, "Hant"))
                hant = script = true;
            else if (!script && subtag_is(p, m, "Hans"))
                script = true;
            else if (!script && (subtag_is(p, m, "TW") || subtag_is(p, m, "HK") ||
                                 subtag_is(p, m, "MO")))
                hant = true;
            p += m;
        }
        key = hant ? "zh-Hant" : "zh-Hans";
    }
    for (size_t i = 0; i < NLANGS; i++)
        if (key ? strcmp(table[i].lang, key) == 0 : subtag_is(lang, n, table[i].lang))
            return &table[i];
    return &table[0];
}

const char *gn_kind_label(gn_kind kind, const char *lang)
{
    if (kind <= GN_KIND_NONE || kind >= GN_KIND_COUNT)
        return "";
    return row_of(lang)->label[kind];
}

int gn_kind_warns(gn_kind kind)
{
    return kind == GN_KIND_IMPORTANT || kind == GN_KIND_CAUTION || kind == GN_KIND_WARNING ||
           kind == GN_KIND_ERROR;
}
