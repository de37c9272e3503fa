<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BatchDialog</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/paper/start.py" line="48"/>
        <source>%1 · %2 · %n questionnaire(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n questionnaire</numerusform>
            <numerusform>%1 · %2 · %n questionnaires</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupSessionWindow</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/group/window.py" line="224"/>
        <source>%n participant(s) présent(s) sans décision : rien ne sera gardé d&apos;eux.</source>
        <translation>
            <numerusform>%n participant présent sans décision : rien ne sera gardé de lui.</numerusform>
            <numerusform>%n participants présents sans décision : rien ne sera gardé d&apos;eux.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewHost</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/interview_host.py" line="90"/>
        <source>Brouillon abandonné : %n réponse(s) effacée(s).</source>
        <translation>
            <numerusform>Brouillon abandonné : %n réponse effacée.</numerusform>
            <numerusform>Brouillon abandonné : %n réponses effacées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewScreen</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="281"/>
        <source>%n réponse(s) enregistrée(s) ne sont plus acceptées par le questionnaire : posez de nouveau les questions concernées.</source>
        <translation>
            <numerusform>%n réponse enregistrée n&apos;est plus acceptée par le questionnaire : posez de nouveau la question concernée.</numerusform>
            <numerusform>%n réponses enregistrées ne sont plus acceptées par le questionnaire : posez de nouveau les questions concernées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyingPanel</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="169"/>
        <source>« %1 » : un autre exemplaire est-il rempli sur le papier ? (%n déjà saisi)</source>
        <translation>
            <numerusform>« %1 » : un autre exemplaire est-il rempli sur le papier ? (%n déjà saisi)</numerusform>
            <numerusform>« %1 » : un autre exemplaire est-il rempli sur le papier ? (%n déjà saisis)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NextCallDialog</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/next_call.py" line="133"/>
        <source>%n appel(s) déjà passé(s) à cette personne.</source>
        <translation>
            <numerusform>%n appel déjà passé à cette personne.</numerusform>
            <numerusform>%n appels déjà passés à cette personne.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/group/notes.py" line="117"/>
        <source>Note enregistrée : %n nom(s) remplacé(s) par le pseudonyme (%1).</source>
        <translation>
            <numerusform>Note enregistrée : %n nom remplacé par le pseudonyme (%1).</numerusform>
            <numerusform>Note enregistrée : %n noms remplacés par les pseudonymes (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObjectionTab</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="267"/>
        <source>%1 entretien(s) non transmis</source>
        <translation>
            <numerusform>%1 entretien non transmis</numerusform>
            <numerusform>%1 entretiens non transmis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="268"/>
        <source>%1 réponse(s) effacée(s)</source>
        <translation>
            <numerusform>%1 réponse effacée</numerusform>
            <numerusform>%1 réponses effacées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="136"/>
        <source>… et %1 autre(s)</source>
        <translation>
            <numerusform>… et %1 autre</numerusform>
            <numerusform>… et %1 autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/next_call.py" line="157"/>
        <source>%n cas : %1 complets (I), %2 partiels (P), %3 refus et abandons (R), %4 non-contacts (NC), %5 autres (O), %6 + %7 d&apos;éligibilité inconnue (UH, UO), %8 hors cible (NE).</source>
        <translation>
            <numerusform>%n cas : %1 complets (I), %2 partiels (P), %3 refus et abandons (R), %4 non-contacts (NC), %5 autres (O), %6 + %7 d&apos;éligibilité inconnue (UH, UO), %8 hors cible (NE).</numerusform>
            <numerusform>%n cas : %1 complets (I), %2 partiels (P), %3 refus et abandons (R), %4 non-contacts (NC), %5 autres (O), %6 + %7 d&apos;éligibilité inconnue (UH, UO), %8 hors cible (NE).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionBanner</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="110"/>
        <source>%1 personne(s)</source>
        <translation>
            <numerusform>%1 personne</numerusform>
            <numerusform>%1 personnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="111"/>
        <source>%1 brouillon(s)</source>
        <translation>
            <numerusform>%1 brouillon</numerusform>
            <numerusform>%1 brouillons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="112"/>
        <source>%1 appel(s)</source>
        <translation>
            <numerusform>%1 appel</numerusform>
            <numerusform>%1 appels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/interview/review.py" line="100"/>
        <source>%1 question(s) à compléter avant de terminer.</source>
        <translation>
            <numerusform>%1 question à compléter avant de terminer.</numerusform>
            <numerusform>%1 questions à compléter avant de terminer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleImportDialog</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="271"/>
        <source>%1 ligne(s) seront rejetées :</source>
        <translation>
            <numerusform>%1 ligne sera rejetée :</numerusform>
            <numerusform>%1 lignes seront rejetées :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="310"/>
        <source>… et %1 autre(s)</source>
        <translation>
            <numerusform>… et %1 autre</numerusform>
            <numerusform>… et %1 autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="221"/>
        <source>%1 entretien(s) envoyé(s) sur %2</source>
        <translation>
            <numerusform>%1 entretien envoyé sur %2</numerusform>
            <numerusform>%1 entretiens envoyés sur %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="224"/>
        <source>lot en cours : %1 entretien(s)</source>
        <translation>
            <numerusform>lot en cours : %1 entretien</numerusform>
            <numerusform>lot en cours : %1 entretiens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="260"/>
        <source>%1 refusé(s) ou en conflit</source>
        <translation>
            <numerusform>%1 refusé ou en conflit</numerusform>
            <numerusform>%1 refusés ou en conflit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="279"/>
        <source>%1 personne(s) reçue(s)</source>
        <translation>
            <numerusform>%1 personne reçue</numerusform>
            <numerusform>%1 personnes reçues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="281"/>
        <source>%1 retirée(s)</source>
        <translation>
            <numerusform>%1 retirée</numerusform>
            <numerusform>%1 retirées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="288"/>
        <source>%1 entretien(s) envoyé(s)</source>
        <translation>
            <numerusform>%1 entretien envoyé</numerusform>
            <numerusform>%1 entretiens envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="289"/>
        <source>en %1 lot(s)</source>
        <translation>
            <numerusform>en %1 lot</numerusform>
            <numerusform>en %1 lots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="290"/>
        <source>%1 reçu(s) par le serveur et effacé(s) de ce poste</source>
        <translation>
            <numerusform>%1 reçu par le serveur et effacé de ce poste</numerusform>
            <numerusform>%1 reçus par le serveur et effacés de ce poste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="296"/>
        <source>%1 refusé(s) ou en conflit : ils restent sur ce poste, motif dans l&apos;onglet « Refusés ou en conflit ».</source>
        <translation>
            <numerusform>%1 refusé ou en conflit : il reste sur ce poste, motif dans l&apos;onglet « Refusés ou en conflit ».</numerusform>
            <numerusform>%1 refusés ou en conflit : ils restent sur ce poste, motif dans l&apos;onglet « Refusés ou en conflit ».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="302"/>
        <source>Synchronisation annulée : %1 entretien(s) envoyé(s) ; les autres partiront à la prochaine synchronisation.</source>
        <translation>
            <numerusform>Synchronisation annulée : %1 entretien envoyé ; les autres partiront à la prochaine synchronisation.</numerusform>
            <numerusform>Synchronisation annulée : %1 entretiens envoyés ; les autres partiront à la prochaine synchronisation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="317"/>
        <source>« %1 » refusé : %2 problème(s) à corriger dans le fichier. Rien n&apos;a été importé.</source>
        <translation>
            <numerusform>« %1 » refusé : %2 problème à corriger dans le fichier. Rien n&apos;a été importé.</numerusform>
            <numerusform>« %1 » refusé : %2 problèmes à corriger dans le fichier. Rien n&apos;a été importé.</numerusform>
        </translation>
    </message>
</context>
</TS>
