"""Metadata wording of languages other than English: months, weekdays, date-stamp words,
byline openers, credit labels and relative times, as ``meta`` reads them.

Generic words of each language ("Foto:", "Von …", "vor 3 Stunden", "24 сентября 2018"),
never one site's wording. Like ``furniture_words`` they apply to every page: month names
and credit labels of different languages do not collide with English words in the
positions where they are read (a day number before, a year or a colon after).
"""

from __future__ import annotations

MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("januar", "jänner", "janvier", "janeiro", "enero", "gennaio", "januari", "январь", "января", "janv"),
    2: ("februar", "février", "fevereiro", "febrero", "febbraio", "februari", "февраль", "февраля", "févr", "fev"),
    3: ("märz", "mars", "março", "marzo", "maart", "maret", "март", "марта"),
    4: ("avril", "abril", "aprile", "april", "апрель", "апреля", "avr"),
    5: ("mai", "maio", "mayo", "maggio", "mei", "май", "мая"),
    6: ("juni", "juin", "junho", "junio", "giugno", "июнь", "июня"),
    7: ("juli", "juillet", "julho", "julio", "luglio", "июль", "июля", "juil"),
    8: ("august", "août", "agosto", "augustus", "agustus", "август", "августа"),
    9: ("september", "septembre", "setembro", "septiembre", "settembre", "сентябрь", "сентября"),
    10: ("oktober", "octobre", "outubro", "octubre", "ottobre", "октябрь", "октября"),
    11: ("november", "novembre", "novembro", "noviembre", "ноябрь", "ноября", "nopember"),
    12: ("dezember", "décembre", "dezembro", "diciembre", "dicembre", "desember", "декабрь", "декабря", "déc", "dez"),
}
MONTH_NUMBER = {name: number for number, names in MONTH_NAMES.items() for name in names}
MONTHS_ALTERNATION = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))

WEEKDAYS = (
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    "segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|"
    "lunes|martes|miércoles|jueves|viernes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|"
    "senin|selasa|rabu|kamis|jumat|sabtu|minggu"
)
DATE_STAMP_WORDS = (  # "publiziert am", "atualizado às", "обновлено в", "diperbarui pukul": words around a date
    "veröffentlicht|publiziert|aktualisiert|erschienen|stand|am|um|uhr|vom|"
    "publicado|atualizado|actualizado|em|às|a las|de|del|do|"
    "publié|mis à jour|le|à|pubblicato|aggiornato|alle|il|"
    "gepubliceerd|bijgewerkt|om|op|"
    "опубликовано|обновлено|в|г|"
    "diterbitkan|diperbarui|pukul|wib|wit|wita|"
    "更新|公開|投稿|입력|수정|기사입력|업데이트"
)
BYLINE_WORDS = "von|por|par|di|door|oleh|автор"  # open a byline as "By" does in English
BYLINE_LABELS = (  # "Autor: …", "Текст: …", "文：…": a label before the author's name
    "autor|autorin|auteur|autore|penulis|reporter|texto|text|автор|текст|文|記者|取材・文"
)
CREDIT_LABELS = (  # "Foto: …", "Фото: …", "写真：…": a photo or source credit
    "foto|fotos|bild|bilder|grafik|quelle|"
    "imagem|imagens|fotografia|imagen|ilustración|fuente|fonte|"
    "crédit|crédits|source|immagine|immagini|afbeelding|beeld|bron|"
    "фото|фотография|иллюстрация|источник|изображение|"
    "gambar|sumber|ilustrasi|写真|画像|出典|提供|사진|출처|자료"
)
OWN_PHOTO = (  # the standard credit for a subject's own picture ("Foto: privat")
    "privat|arquivo pessoal|archivo personal|archivio personale|archives personnelles|"
    "личный архив|из личного архива|dok\\. pribadi|dokumentasi pribadi"
)
RELATIVE_TIMES = (  # "vor 3 Stunden", "há 2 horas", "3 часа назад", "3時間前": a posting time
    r"vor \d{1,3} (sekunden|minuten|stunden|tagen|wochen|monaten|jahren)|"
    r"há \d{1,3} (segundos|minutos?|horas?|dias?|semanas?|meses|mês|anos?)|"
    r"hace \d{1,3} (segundos|minutos?|horas?|días?|semanas?|meses|mes|años?)|"
    r"il y a \d{1,3} (secondes|minutes?|heures?|jours?|semaines?|mois|ans?)|"
    r"\d{1,3} (secondi|minuti|ore|ora|giorni|giorno|settimane|mesi|anni) fa|"
    r"\d{1,3} (seconden|minuten|uur|dagen|dag|weken|maanden|jaar) geleden|"
    r"\d{1,3} (секунд[ыу]?|минут[ыу]?|час(а|ов)?|д(ень|ня|ней)|недел[ьюи]|месяц(а|ев)?|год(а)?|лет) назад|"
    r"\d{1,3} (detik|menit|jam|hari|minggu|bulan|tahun) (yang )?lalu|"
    r"\d{1,3}\s?(秒|分|時間|日|週間|か月|ヶ月|年)前|\d{1,3}\s?(초|분|시간|일|주|개월|년) 전|"
    r"gestern|ontem|ayer|ieri|gisteren|вчера|kemarin|昨日|어제"
)
ABOUT_AUTHOR = (  # a heading over the author's biography: "About the author", "Über die Autorin"
    "about the author|about the writer|über den autor|über die autorin|sobre o autor|sobre a autora|"
    "sobre el autor|sobre la autora|à propos de l'auteur|l'auteur|sull'autore|l'autore|over de auteur|"
    "tentang penulis|об авторе|著者について|筆者について|著者プロフィール|기자 소개"
)
ABOUT_WORDS = "about|über|sobre|acerca de|à propos de|a proposito di|over|tentang|об|о"  # "Über <author>"
