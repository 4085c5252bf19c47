"""The claims audit: a status for every statement of the paper in ``data/klaim/klaim.csv``, computed by code.

Each statement names its check (column ``pemeriksa``); a check returns a
:class:`~ekraf_repro.tablechecks.Check` with a status key of
``data/klaim/status.csv`` and the facts it rests on. The statement's rule
(``aturan``) and the sentence on its evidence (``bukti``, a template filled with
the facts) are written beside it in both languages, so the reader sees the
rule next to the result. Thresholds live in ``data/klaim/ambang.csv``.

Only statements the paper makes are audited. Checks of our own transcription
are in :mod:`ekraf_repro.transcription`; observations on the table's quality,
which the paper never claims, in :mod:`ekraf_repro.quality`.
"""

import datetime as dt
import difflib
import re

import pandas as pd

from . import analysis, coded, idnum, labels, matrices, show, subsectors, tablechecks, tanggal
from .tablechecks import (
    BERTENTANGAN,
    SEJALAN,
    SESUAI,
    TIDAK_DAPAT,
    TIDAK_DIDUKUNG,
    TIDAK_DILAPORKAN,
    TIDAK_SEJALAN,
    Check,
)

CHECKS = {}


def check(fn):
    CHECKS[fn.__name__] = fn
    return fn


# --------------------------------------------------------------------------- statuses and thresholds


def statuses() -> pd.DataFrame:
    """The six statuses, in the order they are explained, with their group and wording in both languages."""
    return coded.table("status")


def status_keys() -> tuple[str, ...]:
    return tuple(statuses()["status"])


def groups() -> dict[str, tuple[str, ...]]:
    """Statuses by the evidence they rest on: ``makalah`` (the paper's own), ``luar`` (outside sources),
    ``terbuka`` (neither settles it: the paper does not report it, or we could not check it). Defined once, in
    ``data/klaim/status.csv``."""
    return {g: tuple(s["status"]) for g, s in statuses().groupby("kelompok", sort=False)}


def status_name(key: str, lang: str = "id") -> str:
    return coded.text(statuses().set_index("status"), "nama", lang)[key]


def threshold(key: str):
    """A threshold of ``data/klaim/ambang.csv``: a number, or a ``(low, high)`` pair for a range."""
    return _number(coded.row("ambang", key)["nilai"])


def alternatives(key: str) -> list:
    text = coded.row("ambang", key)["alternatif"]
    return [_number(v) for v in text.split("|")] if text else []


def _number(text: str):
    if "-" in text:
        low, high = text.split("-")
        return float(low), float(high)
    return float(text)


def moved(lang: str = "id") -> str:
    """Where the first edition's statement numbers that are not audited any more went, as one clause:
    "k01, k02, k16, dan k17 ke pemeriksaan transkripsi; k07 ke catatan daftar pustaka; ..."."""
    t = coded.table("nomor_lama")
    parts = [
        f"{show.listing(list(g['nomor']), lang)} {labels.label('pindah_' + place, lang)}"
        for place, g in t.groupby("tempat", sort=False)
    ]
    return "; ".join(parts)


# --------------------------------------------------------------------------- the checks


def _interview() -> dt.date:
    return tanggal.date(coded.event("e_wawancara")["tanggal"])


@check
def turun_tiap_tahun(df, claim):
    result = tablechecks.decline_every_year(df, claim["nilai"])
    f = result.facts
    first, last = coded.claim_years("k04")
    # A rise counts against the paper's period however its start is read: a change into a year after the first.
    f["naik_periode"] = [y for y in f["naik"] if first < y <= last]
    # What the table shows, in the sentence that fits it (the data may be a variant's).
    if not f["ada_baris"]:
        key = "k03_tanpa_baris"
    elif not f["n_tahun"]:
        key = "k03_satu_tahun"
    elif not f["naik"]:
        key = "k03_turun_semua"
    elif f["naik_periode"]:
        key = "k03_naik_dalam_periode"
    else:
        key = "k03_naik"
    f["temuan"] = {lang: labels.label(key, lang) for lang in labels.LANGUAGES}
    f["baris"] = {lang: subsectors.display(claim["nilai"], lang) for lang in labels.LANGUAGES}
    return result


@check
def periode_teks(df, claim):
    """The named period against the table, on k03's basis: one rise in a year the table holds refutes "every year",
    whatever a year the table lacks did; only when no held year rises does a missing year leave it open."""
    result = tablechecks.period_matches(df, coded.claim_years(claim.name))
    caption = coded.row("transkripsi", "T2")["diharapkan"].split("-")
    result.facts.update(
        {"periode_teks": show.span(*coded.claim_years(claim.name)), "periode_keterangan": show.span(*caption)}
    )
    f = result.facts
    first, last = coded.claim_years(claim.name)
    craft = coded.claim("k03")["nilai"]
    f["baris"] = {lang: subsectors.display(craft, lang) for lang in labels.LANGUAGES}
    decline = tablechecks.decline_every_year(df, craft)
    # the changes into a year after the period's first, however its start is read
    f["naik_periode"] = [y for y in decline.facts["naik"] if first < y <= last]
    if not decline.facts["ada_baris"]:
        key, status = "k03_tanpa_baris", TIDAK_DAPAT
    elif f["naik_periode"]:
        key, status = ("k04_naik_tahun_dimuat" if f["hilang"] else "k04_naik_dalam_periode"), BERTENTANGAN
    elif f["hilang"]:
        key, status = "k04_tahun_hilang", TIDAK_DAPAT
    else:
        key, status = "k04_turun_dalam_periode", SESUAI
    f["temuan"] = {lang: labels.label(key, lang) for lang in labels.LANGUAGES}
    return Check(status, f, result.evidence)


@check
def persen_turunan(df, claim):
    result = tablechecks.derive_percentage(df, float(claim["nilai"]), threshold("toleransi_persen"))
    f = result.facts
    f["terdekat"] = {lang: candidate(f, lang) for lang in labels.LANGUAGES}
    n = f["n_cocok"]
    f["cocok"] = {
        lang: labels.counted(
            "cocok_nol" if not n else "cocok_ada",
            n,
            lang,
            n=idnum.words(n, lang),
            angka=idnum.fmt(float(claim["nilai"]), 2, lang),
        )
        for lang in labels.LANGUAGES
    }
    return result


def candidate(f: dict, lang: str) -> str:
    """One computation on the table, as a reader names it: "rata-rata perubahan tahunan Kuliner 2018–2022"."""
    name = f["terdekat_baris"] if "terdekat_baris" in f else f["baris"]
    kind = f.get("terdekat_perhitungan", f.get("perhitungan"))
    a, b = f.get("terdekat_dari", f.get("dari")), f.get("terdekat_sampai", f.get("sampai"))
    period = show.span(a, b)
    if lang == "en":
        return f"the {labels.term(kind, lang)} of {row_name(name, lang).lower()} {'in' if a == b else 'over'} {period}"
    return f"{labels.term(kind, lang)} {row_name(name, lang)} {period}"


def row_name(name: str, lang: str) -> str:
    """A row of the wide table (a subsector, the total, everything but craft) in the reader's words."""
    if name == analysis.TOTAL:
        return labels.label("total", lang).lower()
    if name == tablechecks.OTHERS:
        return labels.term("selain_kriya", lang)
    return subsectors.display(name, lang)


@check
def eksternal(df, claim):
    return Check(TIDAK_DAPAT, {})


@check
def kunjungan_pj(df, claim):
    """No public record of the visit as the paper names it; the nearest one (a Petaling Jaya deputy mayor in Bandung,
    2022) is offered as the editors' inference only, never counted as evidence."""
    return Check(TIDAK_DAPAT, {"kunjungan": coded.context("c_pj_pasif")})


@check
def pameran_inacraft(df, claim):
    """No public record places the exhibition in Petaling Jaya; the one Inacraft in Malaysia we found was elsewhere
    and earlier."""
    return Check(TIDAK_DAPAT, {"inacraft_kl": coded.context("c_inacraft_kl")})


@check
def tahun_pendirian(df, claim):
    paper, public = int(claim["nilai"]), int(coded.context("c_pendirian"))
    return Check(SEJALAN if paper == public else TIDAK_SEJALAN, {"tahun": public, "makalah": paper})


# What a citation next to a statement covers: the sentence it is attached to (the reading the audit uses),
# or the whole passage (the alternative in the sensitivity table).
CITATION_SCOPES = ("kalimat", "paparan")


def _cited_earlier(source: int, described_from: int, scope: str) -> str:
    """The status of a sentence without its own citation next to a citation of a work published in ``source``,
    describing a state of affairs that begins in ``described_from``. Read where it stands, the citation supports only
    its own sentence and ours has no source: we could not check it. Read as covering the passage, a source published
    before the state of affairs cannot support it."""
    if scope not in CITATION_SCOPES:
        raise ValueError(f"scope must be one of {', '.join(CITATION_SCOPES)}, not {scope!r}")
    if scope == "kalimat":
        return TIDAK_DAPAT
    return TIDAK_DIDUKUNG if source < described_from else TIDAK_DAPAT


@check
def rujukan_kini(df, claim, scope: str = "kalimat"):
    """A passage on the present whose first sentence is cited to an older source (Hary Mulyadi, 2000)."""
    source = int(coded.row("sumber_bukti", "mulyadi2000")["tahun"])
    now = _interview().year
    founded = int(coded.fact("tahun_berdiri"))
    years = int(float(claim["nilai"]))
    facts = {"sumber": source, "kini": now, "selisih": now - source, "berdiri": founded, "tercapai": founded + years}
    return Check(_cited_earlier(source, now, scope), facts)


@check
def rujukan_tetangga(df, claim, scope: str = "kalimat"):
    """A sentence on the last N years with no citation of its own, before a sentence cited to an older work
    (Ahmad et al., 2009): the same two readings as :func:`rujukan_kini`."""
    source = int(coded.row("sumber_bukti", "ahmad2009")["tahun"])
    now = _interview().year
    start = now - int(float(claim["nilai"]))
    facts = {"sumber": source, "kini": now, "awal": start, "selisih": start - source}
    return Check(_cited_earlier(source, start, scope), facts)


@check
def toko_suria(df, claim):
    return Check(TIDAK_DAPAT, {"suria_kota": coded.context("c_suria_kota")})


@check
def jumlah_negara(df, claim):
    facts = coded.table("fakta_perusahaan")
    markets = facts[facts["atribut"] == "pasar"]
    regions = {lang: coded.text(markets, "nilai", lang).tolist() for lang in labels.LANGUAGES}
    return Check(TIDAK_DAPAT, {"n": len(markets), "wilayah": regions})


@check
def lima_tahun_malaysia(df, claim):
    mou, interview = tanggal.date(coded.context("c_mou")), _interview()
    claimed = int(float(claim["nilai"]))
    facts = {
        "mou": coded.context("c_mou"),
        "dari_mou": (interview - mou).days / 365.25,
        "batas": interview.replace(year=interview.year - claimed).isoformat(),
    }
    return Check(TIDAK_DAPAT, facts)


def start_points() -> pd.DataFrame:
    """The one dated event of the cities' cooperation that could bear on the firm's "almost five years" (the MoU), and
    the earliest start those words allow, with the years elapsed at the interview. No public source links the firm to
    another event (the Little Bandung shop, for one), so none is offered as its start."""
    interview = _interview()
    claimed = int(float(coded.claim("k12")["nilai"]))
    mou = tanggal.date(coded.context("c_mou"))
    boundary = interview.replace(year=interview.year - claimed)
    rows = [
        ("c_mou", coded.context("c_mou"), (interview - mou).days / 365.25),
        ("batas_lima_tahun", boundary.isoformat(), float(claimed)),
    ]
    return pd.DataFrame(rows, columns=["id", "tanggal", "tahun_berlalu"])


@check
def metode_dilaporkan(df, claim):
    src = coded.table("sumber_bukti")
    interviews, observations = src[src["jenis"] == "wawancara"], src[src["jenis"] == "observasi"]
    documents = src[src["jenis"].isin(["studi_dikutip", "regulasi"])]
    found = len(interviews) and len(observations) and len(documents)
    dates = sorted(set(interviews["tanggal"]) | set(observations["tanggal"]))
    return Check(
        SESUAI if found else BERTENTANGAN,
        {
            "n_wawancara": len(interviews),
            "n_observasi": len(observations),
            "n_dokumen": len(documents),
            "tanggal": dates[0] if dates else "",
        },
    )


@check
def situs_resmi(df, claim):
    src = coded.table("sumber_bukti")
    sites = src[src["jenis"] == "situs_resmi"]
    used = coded.table("triangulasi")["sumber_id"].isin(sites["id"]).any()
    return Check(SESUAI if used else TIDAK_DILAPORKAN, {"n_situs": len(sites)})


def _record_sentences(records: pd.DataFrame, key: str) -> dict[str, str]:
    """The public records of ``data/konteks/pelaksanaan.csv``, one sentence each, weighed by label ``key``."""
    closed = coded.context("c_little_tutup")
    return {
        lang: " ".join(
            labels.label(
                key,
                lang,
                fakta=(r.fakta if lang == "id" else r.fakta_en).format(
                    jumlah=idnum.words(int(r.jumlah), lang) if r.jumlah else "",
                    kapan=tanggal.show(r.tanggal, lang),
                    tutup=tanggal.show(closed, lang),
                ),
                kota=r.pelaksana,
            )
            for r in records.itertuples()
        )
        for lang in labels.LANGUAGES
    }


def joint_policies() -> list[str]:
    """The policies of D4.1 (ids of ``data/coded/upaya.csv``) that a public record shows both cities carrying out."""
    records = coded.table("pelaksanaan")
    return sorted(set(records.loc[records["pelaksana"] == "keduanya", "upaya_id"]))


def listed_policies() -> list[str]:
    """The policies the paper lists as carried out by both cities (D4.1)."""
    upaya = coded.table("upaya")
    return upaya.loc[upaya["kelompok"] == "kebijakan_bersama", "id"].tolist()


@check
def kebijakan_dijalankan(df, claim):
    """Were the policies carried out by both cities together (``data/konteks/pelaksanaan.csv``)? A public record of
    joint action on at least one listed policy, before the paper was written, supports the statement; a record of one
    city's programme counts as evidence for that city, never for joint action."""
    records = coded.table("pelaksanaan")
    joint = records[records["pelaksana"] == "keduanya"]
    one_city = records[records["pelaksana"] != "keduanya"]
    facts = {
        "n_bersama": len(joint),
        "n_satu_kota": len(one_city),
        "sumber_bersama": _record_sentences(joint, "k18_bersama"),
        "sumber_satu_kota": _record_sentences(one_city, "k18_satu_kota"),
        "kebijakan_bersama": joint_policies(),
    }
    return Check(SEJALAN if len(joint) else TIDAK_DAPAT, facts)


def regulation_in_force(reference_year: int) -> bool:
    """Was Permendagri No. 3/2008 still in force in ``reference_year`` (by the public source)?"""
    return reference_year < tanggal.date(coded.context("c_permendagri_ganti")).year


@check
def permendagri_berlaku(df, claim):
    """D1.3 speaks of what Bandung must observe in establishing its cooperation: read at the signing of the MoU."""
    revoked, signed = coded.context("c_permendagri_ganti"), coded.context("c_mou")
    interview = _interview().year
    status = SEJALAN if regulation_in_force(tanggal.date(signed).year) else TIDAK_SEJALAN
    return Check(
        status,
        {
            "diundangkan": revoked,
            "mou": signed,
            "selisih": interview - tanggal.date(revoked).year,
            "wawancara": interview,
        },
    )


@check
def kota_mitra(df, claim):
    cities = coded.context_list("c_kota_mitra")
    countries = {
        "id": [f"{c} ({n})" for c, n in zip(cities, coded.context_list("c_mitra_negara"))],
        "en": [f"{c} ({n})" for c, n in zip(cities, coded.context_list("c_mitra_negara_en"))],
    }
    n_countries = len(set(coded.context_list("c_mitra_negara")))
    status = SEJALAN if n_countries >= 2 else TIDAK_SEJALAN
    other, country = coded.context("c_kota_mitra_lain"), {"id": "c_mitra_lain_negara", "en": "c_mitra_lain_negara_en"}
    more = {lang: f"{other} ({coded.context(country[lang])})" for lang in labels.LANGUAGES}
    return Check(status, {"n": len(cities), "n_negara": n_countries, "negara": countries, "tambahan": more})


@check
def triangulasi(df, claim):
    support = matrices.support_counts(independent=True)
    needed = int(threshold("sumber_independen"))
    return Check(
        TIDAK_DILAPORKAN,
        {
            "multi": int((support >= needed).sum()),
            "n": len(support),
            "multi_semua": int((matrices.support_counts(independent=False) >= needed).sum()),
        },
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def differing_words(a: str, b: str) -> int:
    """How many words two wordings do not share, in order (punctuation and capitals aside)."""
    wa, wb = _words(a), _words(b)
    ops = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


@check
def kutipan_sama(df, claim):
    """A quotation in the paper against the same text as a public source gives it (``data/coded/kutipan.csv``)."""
    quote = coded.table("kutipan").set_index("pembanding").loc[claim["nilai"]]
    source = coded.context(claim["nilai"])
    n = differing_words(quote["teks"], source)
    differ = {
        lang: labels.counted("kata_beda" if n else "kata_sama", n, lang, n=idnum.words(n, lang))
        for lang in labels.LANGUAGES
    }
    return Check(
        SEJALAN if n == 0 else TIDAK_SEJALAN, {"n_kata": len(_words(quote["teks"])), "n_beda": n, "beda": differ}
    )


def keohane_elements(detailed: bool = False) -> Check:
    """The elements of the paper's summary of Keohane (our coding, ``data/konteks/keohane.csv``), each looked for in
    the secondary summaries we read. ``detailed`` also counts the finer details coded apart (column ``rinci``)."""
    elements = coded.table("keohane")
    if not detailed:
        elements = elements[elements["rinci"] != "ya"]
    found = elements[elements["kunci_bib"] != ""]
    status = SEJALAN if len(found) == len(elements) else TIDAK_DAPAT
    names = {lang: coded.text(found, "singkat", lang).tolist() for lang in labels.LANGUAGES}
    return Check(status, {"n": len(elements), "n_ada": len(found), "unsur": names})


@check
def ringkasan_keohane(df, claim):
    return keohane_elements()


@check
def kota_kreatif(df, claim):
    """An official designation of Bandung as a creative city before the paper was written."""
    when = coded.context(claim["nilai"])
    designated = tanggal.date(when).year <= _interview().year
    field = {"id": coded.context("c_unesco_bidang"), "en": coded.context("c_unesco_bidang_en")}
    return Check(SEJALAN if designated else TIDAK_SEJALAN, {"tanggal": when, "bidang": field})


def rules_in_force(year: int) -> pd.DataFrame:
    """The Indonesian rules on regions' foreign cooperation in force in ``year`` (``data/konteks/hukum.csv``)."""
    rules = coded.table("hukum")
    start = rules["mulai"].map(lambda d: tanggal.parts(d)[0])
    end = rules["dicabut"].map(lambda d: tanggal.parts(d)[0] if d else 9999)
    return rules[(start <= year) & (end > year)]


def central_involvement(year: int) -> Check:
    """Do the rules in force in ``year`` require the central government's involvement? Rules whose text we did not
    read are counted as in force but not as requiring it."""
    rules = rules_in_force(year)
    required = rules[rules["wajib_pusat"] == "ya"]
    facts = {
        "tahun": year,
        "n_berlaku": len(rules),
        "n_wajib": len(required),
        "peraturan": {lang: coded.text(required, "peraturan", lang).tolist() for lang in labels.LANGUAGES},
    }
    return Check(TIDAK_SEJALAN if len(required) else SEJALAN, facts)


@check
def pusat_terlibat(df, claim):
    return central_involvement(_interview().year)


@check
def jabatan_selangor(df, claim):
    """An office the paper names against the public record of how the state is governed."""
    governor_states = coded.context_list("c_negara_gubernur")
    has_governor = "Selangor" in governor_states
    claims_governor = "Gubernur" in claim["nilai"]
    facts = {
        "kepala": coded.context("c_selangor_kepala"),
        "n_gubernur": len(governor_states),
        "negara_gubernur": {"id": governor_states, "en": coded.context_list("c_negara_gubernur_en")},
    }
    return Check(TIDAK_SEJALAN if claims_governor and not has_governor else TIDAK_DAPAT, facts)


@check
def prosedur_dalam_negeri(df, claim):
    """The first "joint" policy (advising MSMEs to obtain an SKA and register HKI): did Petaling Jaya take part? The
    procedures advised are Indonesian ones (``data/konteks/prosedur.csv``), which says who issues the documents, not
    who gave the advice; only a public record of the advice itself (``data/konteks/pelaksanaan.csv``) can settle it."""
    steps = coded.table("prosedur")
    text = {
        lang: "; ".join(
            labels.label("prosedur_oleh", lang, prosedur=p, lembaga=b)
            for p, b in zip(coded.text(steps, "prosedur", lang), coded.text(steps, "lembaga", lang))
        )
        for lang in labels.LANGUAGES
    }
    advice = {"u1b", "u1c"}
    joint = advice & set(joint_policies())
    facts = {"prosedur": text, "n": len(steps), "dalam_negeri": bool((steps["negara"] == "Indonesia").all())}
    return Check(SEJALAN if joint else TIDAK_DAPAT, facts)


# --------------------------------------------------------------------------- the audit of one table


class Audit:
    """Every statement checked once against one table; rows and sentences for each language on demand."""

    def __init__(self, df: pd.DataFrame):
        self.df = df
        self.claims = coded.table("klaim").set_index("id")
        unknown = sorted(set(self.claims["pemeriksa"]) - set(CHECKS))
        if unknown:
            raise ValueError(f"data/klaim/klaim.csv names unknown checks: {', '.join(unknown)}")

        self._done: dict[str, Check] = {}

    def result(self, cid: str) -> Check:
        """One statement's check, computed once."""
        if cid not in self._done:
            claim = self.claims.loc[cid]
            outcome = CHECKS[claim["pemeriksa"]](self.df, claim)
            if outcome.status not in status_keys():
                raise ValueError(f"claim {cid}: check {claim['pemeriksa']} returned unknown status {outcome.status!r}")
            self._done[cid] = outcome
        return self._done[cid]

    @property
    def results(self) -> dict[str, Check]:
        """Every statement's check, in the order of ``klaim.csv``."""
        return {cid: self.result(cid) for cid in self.claims.index}

    def status(self, cid: str) -> str:
        return self.result(cid).status

    def table_name(self, lang: str = "id") -> str:
        """What the text calls the table this audit reads: Tabel 1.1, or a variant's data table."""
        original = self.df is None or self.df.attrs.get("asli", True)
        return labels.label("tabel_data_asli" if original else "tabel_data_varian", lang)

    def _fill(self, cid: str, column: str, lang: str) -> str:
        template = self.claims.loc[cid, column if lang == "id" else f"{column}_en"]
        facts = {"tabel_data": self.table_name(lang), **self.result(cid).facts}
        text = show.fill(template, facts, lang)
        return show.fill(text, facts, lang) if "{" in text else text  # a fact may itself be a sentence template

    def evidence(self, cid: str, lang: str = "id") -> str:
        """The sentence on what a status rests on, filled with the computed facts."""
        return self._fill(cid, "bukti", lang)

    def rule(self, cid: str, lang: str = "id") -> str:
        """The statement's rule, naming the table it reads."""
        return self._fill(cid, "aturan", lang)

    def rows(self, lang: str = "id", only: tuple[str, ...] | None = None) -> pd.DataFrame:
        """One row per statement: number, paragraph, paraphrase, status, rule and evidence, in the reader's words.

        ``only`` keeps the statements with those statuses.
        """
        rows = []
        for cid, claim in self.claims.iterrows():
            status = self.result(cid).status
            if only and status not in only:
                continue
            rows.append(
                {
                    "id": cid,
                    "paragraf": claim["paragraf"],
                    "klaim": claim["parafrase" if lang == "id" else "parafrase_en"],
                    "status": status_name(status, lang),
                    "aturan": self.rule(cid, lang),
                    "bukti": self.evidence(cid, lang),
                }
            )
        return pd.DataFrame(rows, columns=["id", "paragraf", "klaim", "status", "aturan", "bukti"])

    def counts(self) -> pd.Series:
        """Statements per status, in the order of ``data/klaim/status.csv``."""
        found = pd.Series([r.status for r in self.results.values()]).value_counts()
        return found.reindex(list(status_keys()), fill_value=0)

    def ids_with(self, statuses: tuple[str, ...]) -> list[str]:
        """The statements with any of ``statuses``, in the order of ``klaim.csv``."""
        return [cid for cid, r in self.results.items() if r.status in statuses]
