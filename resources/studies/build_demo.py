"""Build the demo study, an XLSForm: `python resources/studies/build_demo.py` (output committed).

A satisfaction survey of the kind the register covers: contacts with the local health
insurance fund (CPAM), with skip logic by channel, a region -> department choice filter,
calculations, a 0-10 recommendation score (NPS) and a free-text comment.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from etudes_desktop.core.xlsform_writer import write_xlsform  # noqa: E402

FR = "label::Français (fr)"
HINT = "hint::Français (fr)"
MSG = "constraint_message::Français (fr)"
OUTPUT = HERE / "satisfaction_assures_2026.xlsx"


def q(type_: str, name: str, label: str = "", **extra: str) -> dict[str, str]:
    row = {"type": type_, "name": name, FR: label}
    for key, value in extra.items():
        row[{"hint": HINT, "message": MSG}.get(key, key)] = value
    return row


SURVEY = [
    q("start", "debut"),
    q("note", "intro", "Merci d'accepter de répondre à cette enquête sur vos contacts avec l'Assurance Maladie. Elle dure environ 10 minutes."),
    q("begin_group", "profil", "Votre profil", appearance="field-list"),
    q("select_one sexe", "sexe", "Vous êtes :", required="yes"),
    q("select_one ages", "tranche_age", "Quelle est votre tranche d'âge ?", required="yes"),
    q("select_one situations", "situation", "Quelle est votre situation professionnelle ?"),
    q("end_group", ""),
    q("select_one regions", "region", "Dans quelle région résidez-vous ?", required="yes"),
    q("select_one departements", "departement", "Dans quel département ?", required="yes", choice_filter="region=${region}"),
    q("select_multiple canaux", "canaux", "Au cours des 12 derniers mois, comment avez-vous contacté votre caisse ?",
      hint="Plusieurs réponses possibles.", required="yes",
      constraint="not(selected(., 'aucun') and count-selected(.) > 1)", message="« Aucun contact » ne peut pas être combiné avec une autre réponse."),
    q("select_one motifs or_other", "motif", "Quel était le motif principal de votre dernier contact ?", relevant="not(selected(${canaux}, 'aucun'))", required="yes"),
    q("integer", "nb_contacts", "Combien de fois avez-vous contacté votre caisse pour ce motif ?", relevant="not(selected(${canaux}, 'aucun'))",
      constraint=". >= 1 and . <= 50", message="Indiquez un nombre entre 1 et 50."),
    q("date", "date_contact", "À quelle date a eu lieu votre dernier contact ?", relevant="not(selected(${canaux}, 'aucun'))",
      constraint=". <= today()", message="La date ne peut pas être dans le futur."),
    q("begin_group", "accueil", "Accueil physique", relevant="selected(${canaux}, 'accueil')", appearance="field-list"),
    q("select_one durees", "attente_accueil", "Combien de temps avez-vous attendu avant d'être reçu(e) ?"),
    q("select_one satisf", "satisf_accueil", "Êtes-vous satisfait(e) de l'accueil reçu ?"),
    q("end_group", ""),
    q("begin_group", "telephone", "Téléphone (3646)", relevant="selected(${canaux}, 'telephone')", appearance="field-list"),
    q("select_one durees", "attente_tel", "Combien de temps avez-vous attendu avant d'avoir un conseiller ?"),
    q("select_one satisf", "satisf_tel", "Êtes-vous satisfait(e) de la réponse apportée ?"),
    q("end_group", ""),
    q("begin_group", "ameli", "Compte ameli", relevant="selected(${canaux}, 'ameli')", appearance="field-list"),
    q("select_one facilite", "facilite_ameli", "Le compte ameli est-il facile à utiliser ?"),
    q("select_one satisf", "satisf_ameli", "Êtes-vous satisfait(e) des services du compte ameli ?"),
    q("end_group", ""),
    q("select_one resolution", "resolution", "Votre demande a-t-elle été traitée ?", relevant="not(selected(${canaux}, 'aucun'))"),
    q("integer", "nb_relances", "Combien de relances avez-vous dû faire ?", relevant="${resolution} = 'partiel' or ${resolution} = 'non'",
      constraint=". >= 0 and . <= 30", message="Indiquez un nombre entre 0 et 30."),
    q("select_one clarte", "clarte_info", "Les informations reçues étaient-elles claires ?", required="yes"),
    q("select_one satisf", "delai_remboursement", "Êtes-vous satisfait(e) des délais de remboursement ?", required="yes"),
    q("select_one satisf", "satisf_globale", "Globalement, êtes-vous satisfait(e) de votre caisse d'Assurance Maladie ?", required="yes"),
    q("range", "recommandation", "Sur une échelle de 0 à 10, recommanderiez-vous les services de votre caisse à un proche ?",
      hint="0 = pas du tout, 10 = tout à fait", required="yes", parameters="start=0 end=10 step=1"),
    q("calculate", "nps_categorie", calculation="if(${recommandation} >= 9, 'promoteur', if(${recommandation} >= 7, 'passif', if(string-length(string(${recommandation})) > 0, 'detracteur', '')))"),
    q("calculate", "score_satisfaction", calculation="round((number(${clarte_info}) + number(${delai_remboursement}) + number(${satisf_globale})) div 3, 1)"),
    q("select_multiple ameliorations", "ameliorations", "Quelles améliorations jugez-vous prioritaires ? (3 au plus)",
      constraint="count-selected(.) <= 3", message="Choisissez au plus trois améliorations."),
    q("text", "commentaire", "Avez-vous un commentaire ou une suggestion ?",
      hint="N'indiquez ni nom, ni adresse, ni numéro de sécurité sociale."),
    q("note", "fin", "Merci pour votre participation. Score de satisfaction calculé : ${score_satisfaction} sur 5."),
    q("end", "fin_saisie"),
]
for row in SURVEY:
    if not row["name"]:
        del row["name"]
        row[FR] = ""


def choices() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []

    def add(list_name: str, pairs: list[tuple[str, str]], **extra: str) -> None:
        for name, label in pairs:
            rows.append({"list_name": list_name, "name": name, FR: label, **extra})

    add("sexe", [("femme", "Une femme"), ("homme", "Un homme"), ("nsp", "Ne souhaite pas répondre")])
    add("ages", [("18_29", "18 à 29 ans"), ("30_44", "30 à 44 ans"), ("45_59", "45 à 59 ans"), ("60_74", "60 à 74 ans"), ("75_plus", "75 ans et plus")])
    add("situations", [("salarie", "Salarié(e)"), ("independant", "Indépendant(e)"), ("retraite", "Retraité(e)"), ("etudiant", "Étudiant(e)"), ("sans_emploi", "Sans emploi"), ("autre", "Autre situation")])
    add("regions", [("idf", "Île-de-France"), ("bre", "Bretagne"), ("ara", "Auvergne-Rhône-Alpes"), ("occ", "Occitanie"), ("cor", "Corse")])
    departements = {
        "idf": [("75", "Paris"), ("92", "Hauts-de-Seine"), ("93", "Seine-Saint-Denis"), ("94", "Val-de-Marne")],
        "bre": [("22", "Côtes-d'Armor"), ("29", "Finistère"), ("35", "Ille-et-Vilaine"), ("56", "Morbihan")],
        "ara": [("01", "Ain"), ("38", "Isère"), ("63", "Puy-de-Dôme"), ("69", "Rhône")],
        "occ": [("31", "Haute-Garonne"), ("34", "Hérault"), ("66", "Pyrénées-Orientales")],
        "cor": [("2A", "Corse-du-Sud"), ("2B", "Haute-Corse")],
    }
    for region, pairs in departements.items():
        add("departements", pairs, region=region)
    add("canaux", [("accueil", "À l'accueil de la caisse"), ("telephone", "Par téléphone (3646)"), ("ameli", "Par le compte ameli"), ("courrier", "Par courrier"), ("aucun", "Aucun contact")])
    add("motifs", [("remboursement", "Un remboursement"), ("carte_vitale", "La carte Vitale"), ("arret_travail", "Un arrêt de travail"), ("css", "La Complémentaire santé solidaire"), ("medecin_traitant", "Le médecin traitant")])
    add("durees", [("moins_5", "Moins de 5 minutes"), ("5_15", "De 5 à 15 minutes"), ("15_30", "De 15 à 30 minutes"), ("plus_30", "Plus de 30 minutes")])
    add("satisf", [("1", "Pas du tout satisfait(e)"), ("2", "Peu satisfait(e)"), ("3", "Moyennement satisfait(e)"), ("4", "Satisfait(e)"), ("5", "Très satisfait(e)")])
    # A yes/no question asked as a question gets answers in its own words, on the same 1-5 scale
    # as satisfaction (the score averages them): « claires », « facile », not « satisfait(e) ».
    add("clarte", [("1", "Pas du tout claires"), ("2", "Peu claires"), ("3", "Moyennement claires"), ("4", "Claires"), ("5", "Très claires")])
    add("facilite", [("1", "Très difficile"), ("2", "Plutôt difficile"), ("3", "Ni facile ni difficile"), ("4", "Plutôt facile"), ("5", "Très facile")])
    add("resolution", [("oui", "Oui, complètement"), ("partiel", "En partie"), ("non", "Non")])
    add("ameliorations", [("attente", "Réduire l'attente"), ("horaires", "Élargir les horaires"), ("clarte", "Des courriers plus clairs"), ("numerique", "Plus de démarches en ligne"), ("conseiller", "Un conseiller attitré"), ("delais", "Des remboursements plus rapides")])
    return rows


def settings() -> dict[str, str]:
    notice_dir = HERE.parent / "notices"
    return {
        "form_id": "satisfaction_assures_2026",
        "form_title": "Satisfaction des assurés 2026 – contacts avec la caisse",
        "version": "2026.1",
        "default_language": "Français (fr)",
        "sponsor": "Caisse nationale de l'Assurance Maladie",
        "modes": "face_to_face phone paper group internet",
        "notice_id": "cnam-etudes-marketing-assures",
        "notice_version": "2014-06",
        "notice": (notice_dir / "notice_fr.txt").read_text(encoding="utf-8").strip(),
        "notice_en": (notice_dir / "notice_en.txt").read_text(encoding="utf-8").strip(),
        "delivery_date": "2026-12-18",
        "retention_months": "6",
        "analysis_attributes": "age_band sex region profession",
    }


def main() -> Path:
    return write_xlsform(OUTPUT, SURVEY, choices(), settings())


if __name__ == "__main__":
    print(main())
