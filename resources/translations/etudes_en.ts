<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="fr_FR">
<context>
    <name>AccessTab</name>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="85"/>
        <source>Tout ce que ce poste détient sur la personne : coordonnées, mentions d&apos;information, entretiens non encore transmis, traces des envois.</source>
        <translation>Everything this computer holds about the person: contact details, information notices, interviews not yet sent, traces of uploads.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="89"/>
        <source>Afficher les données détenues</source>
        <translation>Show the data held</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="91"/>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="137"/>
        <source>Impossible d&apos;écrire dans ce dossier : choisissez-en un autre.</source>
        <translation>Cannot write to this folder: choose another one.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="140"/>
        <source>Export écrit : %1 et %2. À remettre à la personne, puis à supprimer de ce poste.</source>
        <translation>Export written: %1 and %2. Hand it to the person, then delete it from this computer.</translation>
    </message>
</context>
<context>
    <name>AcknowledgeField</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/widgets.py" line="317"/>
        <source>OK, c&apos;est noté</source>
        <translation>OK, noted</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="208"/>
        <source>Études et entretiens</source>
        <translation>Studies and interviews</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="215"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="217"/>
        <source>Journal d&apos;audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="218"/>
        <source>Rappels prévus</source>
        <translation>Scheduled callbacks</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="219"/>
        <source>Appel suivant</source>
        <translation>Next call</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="220"/>
        <source>Taux de réponse (AAPOR)</source>
        <translation>Response rates (AAPOR)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="221"/>
        <source>Réunions de groupe</source>
        <translation>Focus groups</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="222"/>
        <source>Saisie des questionnaires papier</source>
        <translation>Keying paper questionnaires</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="223"/>
        <source>Droits des personnes (accès, rectification, opposition)…</source>
        <translation>People&apos;s rights (access, rectification, objection)…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="224"/>
        <source>Imprimer le questionnaire (PDF)…</source>
        <translation>Print the questionnaire (PDF)…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="291"/>
        <source>Choisissez d&apos;abord une étude.</source>
        <translation>Choose a study first.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="317"/>
        <source>Imprimer le questionnaire (PDF)</source>
        <translation>Print the questionnaire (PDF)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="317"/>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="330"/>
        <source>Étude introuvable dans le coffre.</source>
        <translation>Study not found in the vault.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="334"/>
        <source>Questionnaire papier enregistré : %1</source>
        <translation>Paper questionnaire saved: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="336"/>
        <source>Questionnaire non enregistré : %1</source>
        <translation>Questionnaire not saved: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="347"/>
        <source>Coffre verrouillé après inactivité.</source>
        <translation>Vault locked after inactivity.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="350"/>
        <source>Nouvelle phrase de passe enregistrée.</source>
        <translation>New passphrase saved.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="363"/>
        <source>La langue choisie s&apos;appliquera au prochain démarrage.</source>
        <translation>The chosen language will apply at the next start.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="369"/>
        <source>Verrouillage automatique après %1 min d&apos;inactivité.</source>
        <translation>Automatic lock after %1 min of inactivity.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="37"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="37"/>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="37"/>
        <source>Enquêteur</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="37"/>
        <source>Objets</source>
        <translation>Objects</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="38"/>
        <source>Nombres</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="40"/>
        <source>Engagement de confidentialité signé</source>
        <translation>Confidentiality commitment signed</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="41"/>
        <source>Date de livraison de l&apos;étude enregistrée</source>
        <translation>Study delivery date recorded</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="42"/>
        <source>Lot synchronisé</source>
        <translation>Batch synchronised</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="43"/>
        <source>Entretien en cours abandonné (réponses effacées)</source>
        <translation>Draft interview discarded (answers erased)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="44"/>
        <source>Destruction à échéance de conservation</source>
        <translation>Destruction at the end of retention</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="45"/>
        <source>Droit d&apos;accès exercé</source>
        <translation>Right of access exercised</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="46"/>
        <source>Rectification de coordonnées</source>
        <translation>Contact details rectified</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="47"/>
        <source>Opposition enregistrée</source>
        <translation>Objection recorded</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="48"/>
        <source>Échantillon importé</source>
        <translation>Sample imported</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="49"/>
        <source>Étude importée</source>
        <translation>Study imported</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="50"/>
        <source>Étude mise à jour</source>
        <translation>Study updated</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="51"/>
        <source>Opposition à l&apos;entretien</source>
        <translation>Objection to the interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="52"/>
        <source>Attribution du bureau d&apos;études reçue</source>
        <translation>Assignment received from the collection office</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="53"/>
        <source>Attribution du bureau d&apos;études refusée</source>
        <translation>Assignment from the collection office refused</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="54"/>
        <source>Données de l&apos;étude détruites à la demande du bureau d&apos;études</source>
        <translation>Study data destroyed at the collection office&apos;s request</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="57"/>
        <source>acceptés</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="57"/>
        <source>déjà reçus</source>
        <translation>already received</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="57"/>
        <source>en conflit</source>
        <translation>in conflict</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="58"/>
        <source>refusés</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="58"/>
        <source>effacés</source>
        <translation>erased</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="58"/>
        <source>entretiens</source>
        <translation>interviews</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="59"/>
        <source>champs</source>
        <translation>fields</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="59"/>
        <source>personnes</source>
        <translation>people</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="59"/>
        <source>brouillons</source>
        <translation>drafts</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="60"/>
        <source>appels</source>
        <translation>calls</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="60"/>
        <source>entretiens effacés</source>
        <translation>interviews erased</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="61"/>
        <source>réponses effacées</source>
        <translation>answers erased</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="61"/>
        <source>lignes</source>
        <translation>rows</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="62"/>
        <source>importées</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="62"/>
        <source>écartées (liste d&apos;opposition)</source>
        <translation>set aside (objection list)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="63"/>
        <source>reçues</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="63"/>
        <source>mises à jour</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="63"/>
        <source>retirées</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="64"/>
        <source>gardées (entretien en cours)</source>
        <translation>kept (interview under way)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="64"/>
        <source>refusées</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="65"/>
        <source>refusées (NIR)</source>
        <translation>refused (NIR)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="65"/>
        <source>sur la liste d&apos;opposition partagée</source>
        <translation>on the shared objection list</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="66"/>
        <source>entretiens non transmis</source>
        <translation>interviews not sent</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="66"/>
        <source>événements de suivi</source>
        <translation>case events</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="67"/>
        <source>étude</source>
        <translation>study</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="67"/>
        <source>séances de groupe</source>
        <translation>group sessions</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="144"/>
        <source>Journal d&apos;audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="146"/>
        <source>Ce qui a été fait sur ce poste : événements, identifiants et nombres, jamais de données personnelles. Le journal ne peut être ni modifié ni effacé.</source>
        <translation>What was done on this computer: events, identifiers and counts, never personal data. The log can be neither changed nor erased.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="153"/>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="208"/>
        <source>Aucune entrée.</source>
        <translation>No entry.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="210"/>
        <source>1 entrée.</source>
        <translation>1 entry.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/audit_view.py" line="212"/>
        <source>%1 entrées.</source>
        <translation>%1 entries.</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="41"/>
        <source>Lots de questionnaires papier</source>
        <translation>Batches of paper questionnaires</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="45"/>
        <source>Lots de l&apos;étude :</source>
        <translation>The study&apos;s batches:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/paper/start.py" line="48"/>
        <source>%1 · %2 · %n questionnaire(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n form</numerusform>
            <numerusform>%1 · %2 · %n forms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="55"/>
        <source>&amp;Reprendre le lot</source>
        <translation>&amp;Resume the batch</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="61"/>
        <source>Nouveau lot, saisi par %1 :</source>
        <translation>New batch, keyed by %1:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="65"/>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="67"/>
        <source>« 1/5 » : un questionnaire sur cinq ; « 20 % » : un sur cinq tiré au hasard</source>
        <translation>“1/5”: one form in five; “20 %”: one in five drawn at random</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="68"/>
        <source>Double &amp;saisie :</source>
        <translation>Double &amp;entry:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="69"/>
        <source>Taux de l&apos;é&amp;tude pour les prochains lots</source>
        <translation>The s&amp;tudy&apos;s rate for the next batches</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/start.py" line="77"/>
        <source>Ouvrir le &amp;lot</source>
        <translation>Open the &amp;batch</translation>
    </message>
</context>
<context>
    <name>CallOutcomeDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="59"/>
        <source>Appel sans entretien</source>
        <translation>Call without an interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="67"/>
        <source>Issue de l&apos;appel</source>
        <translation>Call outcome</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="72"/>
        <source>Heure locale de la personne : %1 (%2, %3)</source>
        <translation>The person&apos;s local time: %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="87"/>
        <source>&amp;0  Autre issue :</source>
        <translation>&amp;0  Other outcome:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="96"/>
        <source>&amp;Rendez-vous le (heure de la personne) :</source>
        <translation>&amp;Appointment on (the person&apos;s time):</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="126"/>
        <source>Code AAPOR %1</source>
        <translation>AAPOR code %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="127"/>
        <source>AAPOR %1</source>
        <translation>AAPOR %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="102"/>
        <source>Un refus est définitif : la personne ne sera plus appelée pour cette étude.</source>
        <translation>A refusal is final: this person will not be called again for this study.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="112"/>
        <source>&amp;Enregistrer l&apos;appel</source>
        <translation>&amp;Save the call</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="114"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="189"/>
        <source>Date et heure du rendez-vous non reconnues : tapez par exemple 05/12/2026 14:30.</source>
        <translation>Appointment date and time not recognised: type for example 05/12/2026 14:30.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="194"/>
        <source>Le rendez-vous doit être dans le futur.</source>
        <translation>The appointment must be in the future.</translation>
    </message>
</context>
<context>
    <name>CallbackList</name>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="236"/>
        <source>Rappels prévus</source>
        <translation>Scheduled callbacks</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="246"/>
        <source>Aucun rappel prévu.</source>
        <translation>No callback scheduled.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="247"/>
        <source>&amp;Appeler cette personne</source>
        <translation>&amp;Call this person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="267"/>
        <source>  (en retard)</source>
        <translation>  (overdue)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="269"/>
        <source>même heure</source>
        <translation>same time</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="273"/>
        <source>précis</source>
        <translation>exact</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="273"/>
        <source>approximatif</source>
        <translation>approximate</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="37"/>
        <source>Engagement de confidentialité</source>
        <translation>Confidentiality commitment</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="45"/>
        <source>Engagement de confidentialité et de non-réexploitation des données</source>
        <translation>Commitment to confidentiality and to no reuse of the data</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="48"/>
        <source>Étude : %1</source>
        <translation>Study: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="50"/>
        <source>Avant votre premier entretien pour cette étude, lisez et signez l&apos;engagement exigé des prestataires.</source>
        <translation>Before your first interview for this study, read and sign the commitment required of contractors.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="60"/>
        <source>J&apos;ai lu cet engagement et je m&apos;engage à le respecter</source>
        <translation>I have read this commitment and undertake to respect it</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="62"/>
        <source>Faites défiler l&apos;engagement jusqu&apos;à la fin pour pouvoir le cocher.</source>
        <translation>Scroll the commitment to its end to be able to tick this box.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="66"/>
        <source>&amp;Signature (nom et prénom) :</source>
        <translation>&amp;Signature (first and last name):</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="68"/>
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="73"/>
        <source>&amp;Signer l&apos;engagement</source>
        <translation>&amp;Sign the commitment</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="75"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CountersBar</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/counters.py" line="41"/>
        <source>personnes à contacter</source>
        <translation>people to contact</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/counters.py" line="42"/>
        <source>brouillons en cours</source>
        <translation>drafts in progress</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/counters.py" line="43"/>
        <source>entretiens terminés</source>
        <translation>completed interviews</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/counters.py" line="44"/>
        <source>en attente de synchronisation</source>
        <translation>waiting for synchronisation</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="157"/>
        <source>Pour chaque participant, après la lecture de la mention : A s&apos;il accepte, O s&apos;il s&apos;oppose (il quitte la réunion ; rien de lui n&apos;est gardé).</source>
        <translation>For each participant, after the notice has been read: A if they accept, O if they object (they leave the session; nothing of theirs is kept).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="161"/>
        <source>Pseudonyme</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="161"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="161"/>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="165"/>
        <source>&amp;Accepte</source>
        <translation>&amp;Accepts</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="166"/>
        <source>S&apos;&amp;oppose</source>
        <translation>&amp;Objects</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="182"/>
        <source>accepte</source>
        <translation>accepts</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="182"/>
        <source>s&apos;oppose, a quitté la réunion</source>
        <translation>objects, has left the session</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="186"/>
        <source>à recueillir</source>
        <translation>to be asked</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="210"/>
        <source>%1 accepte.</source>
        <translation>%1 accepts.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="211"/>
        <source>%1 s&apos;oppose : son opposition est enregistrée, son prénom effacé.</source>
        <translation>%1 objects: the objection is recorded, the first name erased.</translation>
    </message>
</context>
<context>
    <name>DoorPage</name>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="72"/>
        <source>Flèches pour choisir, Espace ou Entrée : la personne est arrivée et reçoit son pseudonyme.</source>
        <translation>Arrows to choose, Space or Enter: the person has arrived and receives a pseudonym.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="75"/>
        <source>Pseudonyme</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="75"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="75"/>
        <source>Venue</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="75"/>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="80"/>
        <source>Venue sans invitation, &amp;prénom :</source>
        <translation>Came without an invitation, &amp;first name:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="83"/>
        <source>le prénom seulement</source>
        <translation>the first name only</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="86"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="104"/>
        <source>présent</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="104"/>
        <source>attendu</source>
        <translation>expected</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="105"/>
        <source>sans invitation</source>
        <translation>without invitation</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="105"/>
        <source>invité</source>
        <translation>invited</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="121"/>
        <source>%1 est arrivé(e) : pseudonyme %2.</source>
        <translation>%1 has arrived: pseudonym %2.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/door.py" line="129"/>
        <source>Personne venue sans invitation ajoutée : pseudonyme %1.</source>
        <translation>Person without an invitation added: pseudonym %1.</translation>
    </message>
</context>
<context>
    <name>EndView</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="40"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="50"/>
        <source>Opposition enregistrée</source>
        <translation>Objection recorded</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="51"/>
        <source>La personne a exercé son droit d&apos;opposition : aucune question ne lui a été posée. Elle ne sera plus sollicitée pour cette étude et ses coordonnées ont été effacées.</source>
        <translation>The person exercised their right to object: no question was asked. They will not be contacted again for this study and their contact details have been erased.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="53"/>
        <source>Entretien arrêté</source>
        <translation>Interview stopped</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="54"/>
        <source>La personne ne répond pas maintenant : aucune réponse n&apos;est conservée pour cet entretien.</source>
        <translation>The person does not answer now: no answer is kept for this interview.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="55"/>
        <source>Entretien terminé</source>
        <translation>Interview completed</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="56"/>
        <source>Les réponses sont enregistrées et verrouillées ; elles partiront à la prochaine synchronisation.</source>
        <translation>The answers are saved and locked; they will be sent at the next synchronisation.</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/widgets.py" line="89"/>
        <source>Réponse : %1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/widgets.py" line="114"/>
        <source>✓ Enregistré</source>
        <translation>✓ Saved</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../etudes_desktop/gui/paper/figures.py" line="23"/>
        <source>Par opérateur, premières saisies et doubles saisies ensemble. Le temps compté va du numéro du questionnaire à son dernier champ ; une erreur est une différence tranchée contre l&apos;opérateur.</source>
        <translation>Per operator, first and second keyings together. The time counted runs from the form number to its last field; an error is a difference resolved against the operator.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/figures.py" line="30"/>
        <source>Opérateur</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/figures.py" line="30"/>
        <source>Questionnaires</source>
        <translation>Questionnaires</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/figures.py" line="30"/>
        <source>Champs saisis</source>
        <translation>Fields keyed</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/figures.py" line="30"/>
        <source>Questionnaires / heure</source>
        <translation>Forms / hour</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/figures.py" line="31"/>
        <source>Erreurs</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/figures.py" line="31"/>
        <source>Erreurs pour 1 000 champs</source>
        <translation>Errors per 1,000 fields</translation>
    </message>
</context>
<context>
    <name>GroupSessionWindow</name>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="123"/>
        <source>Réunion de groupe — %1, %2</source>
        <translation>Focus group — %1, %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="138"/>
        <source>Accueil</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="138"/>
        <source>Mention</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="138"/>
        <source>Décisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="139"/>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="139"/>
        <source>Main levée</source>
        <translation>Show of hands</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="140"/>
        <source>Questionnaires</source>
        <translation>Questionnaires</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="149"/>
        <source>&amp;Fiche de séance (PDF)…</source>
        <translation>Session &amp;sheet (PDF)…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="152"/>
        <location filename="../../etudes_desktop/gui/group/window.py" line="168"/>
        <source>&amp;Clore la réunion…</source>
        <translation>&amp;Close the session…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="189"/>
        <source>%1 présents sur %2 attendus · %3 acceptent · %4 opposés · %5 notes</source>
        <translation>%1 present of %2 expected · %3 accept · %4 object · %5 notes</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="200"/>
        <source>Fiche de séance</source>
        <translation>Session sheet</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="211"/>
        <source>La fiche n&apos;a pas pu être écrite à cet endroit : choisissez un autre dossier.</source>
        <translation>The sheet could not be written there: choose another folder.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="214"/>
        <source>Fiche de séance enregistrée : %1</source>
        <translation>Session sheet saved: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="222"/>
        <source>Clore la réunion ? Les prénoms seront effacés et plus rien ne pourra y être ajouté.</source>
        <translation>Close the session? First names will be erased and nothing more can be added.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/group/window.py" line="224"/>
        <source>%n participant(s) présent(s) sans décision : rien ne sera gardé d&apos;eux.</source>
        <translation>
            <numerusform>%n participant present without a decision: nothing of theirs will be kept.</numerusform>
            <numerusform>%n participants present without a decision: nothing of theirs will be kept.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="227"/>
        <source>&amp;Confirmer la clôture</source>
        <translation>&amp;Confirm closing</translation>
    </message>
</context>
<context>
    <name>HandsPage</name>
    <message>
        <location filename="../../etudes_desktop/gui/group/hands.py" line="36"/>
        <source>&amp;Question posée au groupe :</source>
        <translation>&amp;Question asked to the group:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/hands.py" line="50"/>
        <source>&amp;Enregistrer le décompte</source>
        <translation>&amp;Save the count</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/hands.py" line="59"/>
        <source>Le guide de l&apos;étude ne prévoit aucune question à main levée (group_questions).</source>
        <translation>The study&apos;s guide has no question for a show of hands (group_questions).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/hands.py" line="70"/>
        <source>Participants présents qui ont accepté : %1</source>
        <translation>Participants present who accepted: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/hands.py" line="96"/>
        <source>Décompte enregistré : %1 mains levées pour %2 présents.</source>
        <translation>Count saved: %1 hands raised for %2 present.</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="22"/>
        <source>Coffre ouvert</source>
        <translation>Vault open</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="25"/>
        <source>Vos études, les personnes à interroger et les entretiens s&apos;afficheront ici.</source>
        <translation>Your studies, the people to interview and the interviews will appear here.</translation>
    </message>
</context>
<context>
    <name>InterviewHints</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/widgets.py" line="195"/>
        <source>Classez toutes les réponses, de la première à la dernière : tapez leurs numéros séparés par des espaces (%1).</source>
        <translation>Rank every answer, from first to last: type their numbers separated by spaces (%1).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/widgets.py" line="401"/>
        <source>Pas de GPS sur cet ordinateur : tapez ou collez les coordonnées, latitude puis longitude en degrés décimaux (par exemple 48.8566 2.3522).</source>
        <translation>No GPS on this computer: type or paste the coordinates, latitude then longitude in decimal degrees (for example 48.8566 2.3522).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/widgets.py" line="403"/>
        <source>Tapez le code, ou lisez-le avec une douchette branchée sur l&apos;ordinateur.</source>
        <translation>Type the code, or read it with a barcode scanner plugged into the computer.</translation>
    </message>
</context>
<context>
    <name>InterviewHost</name>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/interview_host.py" line="90"/>
        <source>Brouillon abandonné : %n réponse(s) effacée(s).</source>
        <translation>
            <numerusform>Draft discarded: %n answer erased.</numerusform>
            <numerusform>Draft discarded: %n answers erased.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewLabels</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="12"/>
        <source>Face à face</source>
        <translation>Face to face</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="13"/>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="56"/>
        <source>Téléphone</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="14"/>
        <source>Saisie d&apos;un questionnaire papier</source>
        <translation>Paper questionnaire keying</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="15"/>
        <source>Groupe</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="16"/>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="24"/>
        <source>Pas de réponse</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="25"/>
        <source>Occupé</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="26"/>
        <source>Répondeur</source>
        <translation>Answering machine</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="27"/>
        <source>Répondeur de la personne, message laissé</source>
        <translation>The person&apos;s answering machine, message left</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="28"/>
        <source>Problème technique de ligne</source>
        <translation>Technical line problem</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="30"/>
        <source>Rappeler plus tard (heure approximative)</source>
        <translation>Call back later (approximate time)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="31"/>
        <source>Refus pour l&apos;instant (nouvel essai plus tard)</source>
        <translation>Refusal for now (try again later)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="33"/>
        <source>Refus par l&apos;entourage</source>
        <translation>Refused by someone else in the household</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="34"/>
        <source>Faux numéro</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="29"/>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="54"/>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="32"/>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="68"/>
        <source>Refus</source>
        <translation>Refusal</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="35"/>
        <source>Personne hors cible</source>
        <translation>Person not eligible</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="36"/>
        <source>Personne décédée</source>
        <translation>Person deceased</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="37"/>
        <source>Personne dans l&apos;incapacité de répondre</source>
        <translation>Person unable to answer</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="38"/>
        <source>Barrière de la langue</source>
        <translation>Language barrier</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="39"/>
        <source>Autre cas (éligibilité inconnue)</source>
        <translation>Other case (eligibility unknown)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="40"/>
        <source>Entretien complet</source>
        <translation>Complete interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="41"/>
        <source>Entretien partiel</source>
        <translation>Partial interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="42"/>
        <source>Entretien interrompu</source>
        <translation>Interview broken off</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="43"/>
        <source>Opposition (droit d&apos;opposition)</source>
        <translation>Objection (right to object)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="44"/>
        <source>Jamais appelée</source>
        <translation>Never called</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="55"/>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="57"/>
        <source>N° d&apos;échantillon</source>
        <translation>Sample no.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="58"/>
        <source>Heure de la personne</source>
        <translation>The person&apos;s time</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="59"/>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/labels.py" line="67"/>
        <source>Ne sait pas</source>
        <translation>Don&apos;t know</translation>
    </message>
</context>
<context>
    <name>InterviewScreen</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="104"/>
        <source>Reprendre &amp;plus tard</source>
        <translation>Resume &amp;later</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="105"/>
        <source>La personne &amp;arrête l&apos;entretien…</source>
        <translation>The person &amp;stops the interview…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="106"/>
        <source>Les réponses déjà données seront effacées.</source>
        <translation>The answers already given will be erased.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="109"/>
        <source>&amp;Confirmer l&apos;arrêt</source>
        <translation>&amp;Confirm the stop</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="110"/>
        <source>A&amp;nnuler</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="207"/>
        <source>Terminé le %1. Un entretien terminé ne peut plus être modifié.</source>
        <translation>Completed on %1. A completed interview can no longer be changed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="281"/>
        <source>%n réponse(s) enregistrée(s) ne sont plus acceptées par le questionnaire : posez de nouveau les questions concernées.</source>
        <translation>
            <numerusform>%n saved answer is no longer accepted by the questionnaire: ask that question again.</numerusform>
            <numerusform>%n saved answers are no longer accepted by the questionnaire: ask those questions again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewsModel</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="33"/>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="33"/>
        <source>(sans nom)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="34"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="35"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="36"/>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="37"/>
        <source>Modifié le</source>
        <translation>Changed on</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="45"/>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="86"/>
        <source>%1 / %2 pages</source>
        <translation>%1 / %2 pages</translation>
    </message>
</context>
<context>
    <name>InterviewsView</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="68"/>
        <source>Tous les entretiens</source>
        <translation>All interviews</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="69"/>
        <source>Brouillons</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="70"/>
        <source>Terminés</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="71"/>
        <source>À synchroniser</source>
        <translation>To synchronise</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="72"/>
        <source>Refusés ou en conflit</source>
        <translation>Refused or in conflict</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="73"/>
        <source>Oppositions</source>
        <translation>Objections</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="74"/>
        <source>Abandonnés</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="91"/>
        <source>&amp;Abandonner le brouillon…</source>
        <translation>&amp;Discard the draft…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="93"/>
        <source>Ses réponses seront effacées et la personne redeviendra « à contacter ».</source>
        <translation>Its answers will be erased and the person will be back to “to contact”.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="96"/>
        <source>&amp;Confirmer l&apos;abandon</source>
        <translation>&amp;Confirm the discard</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="97"/>
        <source>A&amp;nnuler</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="102"/>
        <source>Reprendre le brouillon</source>
        <translation>Resume the draft</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="132"/>
        <source>entretien</source>
        <translation>interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="132"/>
        <source>entretiens</source>
        <translation>interviews</translation>
    </message>
</context>
<context>
    <name>KeyingPanel</name>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="93"/>
        <source>Saisi pour ce questionnaire :</source>
        <translation>Keyed for this form:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="131"/>
        <source>N° du &amp;questionnaire (case en haut de la première page) :</source>
        <translation>Form &amp;number (box at the top of page 1):</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="137"/>
        <source>&amp;Mention d&apos;information, case cochée par la personne :</source>
        <translation>Information &amp;notice, box ticked by the person:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="138"/>
        <source>1  accepte de répondre
2  s&apos;oppose (droit d&apos;opposition)
0  aucune case cochée</source>
        <translation>1  agrees to answer
2  objects (right to object)
0  no box ticked</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="143"/>
        <source>&amp;Mention : retapez le code pour le confirmer :</source>
        <translation>&amp;Notice: type the code again to confirm it:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="149"/>
        <source>Les deux codes de la mention diffèrent : relisez la case cochée, puis tapez son code deux fois.</source>
        <translation>The two notice codes differ: read the ticked box again, then type its code twice.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="160"/>
        <source>(plusieurs codes : tapez-les à la suite ou séparés d&apos;espaces)</source>
        <translation>(several codes: type them in a row or separated by spaces)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="169"/>
        <source>« %1 » : un autre exemplaire est-il rempli sur le papier ? (%n déjà saisi)</source>
        <translation>
            <numerusform>“%1”: is another copy filled in on the paper? (%n keyed so far)</numerusform>
            <numerusform>“%1”: is another copy filled in on the paper? (%n keyed so far)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="171"/>
        <source>1  oui : le saisir
0  non : question suivante</source>
        <translation>1  yes: key it
0  no: next question</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="183"/>
        <source>Tapez 1 (un autre exemplaire) ou 0 (aucun autre).</source>
        <translation>Type 1 (another copy) or 0 (no other).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="196"/>
        <source>Reprise du questionnaire n° %1.</source>
        <translation>Resuming form no. %1.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="312"/>
        <source>Questionnaire n° %1 mis de côté : la case de la mention n&apos;est pas cochée, il ne peut pas être saisi.</source>
        <translation>Form no. %1 set aside: the notice box is not ticked, it cannot be keyed.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="315"/>
        <source>Questionnaire n° %1 : opposition enregistrée, aucune réponse n&apos;est gardée.</source>
        <translation>Form no. %1: objection recorded, no answer is kept.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="317"/>
        <source>Questionnaire n° %1 enregistré ; tiré pour la double saisie par un autre opérateur.</source>
        <translation>Form no. %1 saved; picked for double entry by another operator.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="319"/>
        <source>Questionnaire n° %1 saisi deux fois : des différences sont à trancher (Alt+3).</source>
        <translation>Form no. %1 keyed twice: differences to resolve (Alt+3).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="321"/>
        <source>Questionnaire n° %1 vérifié : les deux saisies concordent.</source>
        <translation>Form no. %1 verified: both keyings agree.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/keying.py" line="323"/>
        <source>Questionnaire n° %1 enregistré.</source>
        <translation>Form no. %1 saved.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="79"/>
        <source> — démonstration</source>
        <translation> — demo</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="104"/>
        <source>&amp;Coffre</source>
        <translation>&amp;Vault</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="106"/>
        <source>&amp;Verrouiller maintenant</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="109"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="116"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="121"/>
        <source>&amp;Réglages</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="122"/>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="131"/>
        <source>&amp;Verrouillage automatique</source>
        <translation>&amp;Automatic lock</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="135"/>
        <source>Après %1 min d&apos;inactivité</source>
        <translation>After %1 min of inactivity</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="155"/>
        <source>Mode démonstration : données fictives</source>
        <translation>Demo mode: fictitious data</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="222"/>
        <source>Aucun coffre</source>
        <translation>No vault yet</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="224"/>
        <source>Coffre verrouillé</source>
        <translation>Vault locked</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="224"/>
        <source>Coffre ouvert</source>
        <translation>Vault open</translation>
    </message>
</context>
<context>
    <name>NextCall</name>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="63"/>
        <source>Rendez-vous précis à %1 (heure de la personne)</source>
        <translation>Exact appointment at %1 (the person&apos;s time)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="65"/>
        <source>Rendez-vous approximatif vers %1 (heure de la personne)</source>
        <translation>Approximate appointment around %1 (the person&apos;s time)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="69"/>
        <source>Nouvel essai : dernier appel le %1, %2</source>
        <translation>New try: last call on %1, %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="71"/>
        <source>Premier appel</source>
        <translation>First call</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="76"/>
        <source>Heure locale de la personne : %1 (%2, %3)</source>
        <translation>The person&apos;s local time: %1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>NextCallDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="89"/>
        <location filename="../../etudes_desktop/gui/next_call.py" line="92"/>
        <source>Appel suivant</source>
        <translation>Next call</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="105"/>
        <source>&amp;Appeler cette personne</source>
        <translation>&amp;Call this person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="108"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="117"/>
        <source>Aucune personne à appeler pour le moment.</source>
        <translation>No one to call for the moment.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="119"/>
        <source>Prochain créneau d&apos;appel : %1</source>
        <translation>Next calling window: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="121"/>
        <source>Aucune personne ne reste à appeler dans cette étude.</source>
        <translation>No one is left to call in this study.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="127"/>
        <source>(sans nom)</source>
        <translation>(no name)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/next_call.py" line="133"/>
        <source>%n appel(s) déjà passé(s) à cette personne.</source>
        <translation>
            <numerusform>%n call already made to this person.</numerusform>
            <numerusform>%n calls already made to this person.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="134"/>
        <source>Aucun appel encore passé à cette personne.</source>
        <translation>No call made to this person yet.</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <location filename="../../etudes_desktop/gui/group/notes.py" line="62"/>
        <source>&amp;Thème (Ctrl+1 à Ctrl+9) :</source>
        <translation>&amp;Theme (Ctrl+1 to Ctrl+9):</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/notes.py" line="73"/>
        <source>&amp;Note (Entrée pour l&apos;enregistrer ; nommez les participants par leur pseudonyme, P1, P2…) :</source>
        <translation>&amp;Note (Enter saves it; name participants by their pseudonym, P1, P2…):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/group/notes.py" line="117"/>
        <source>Note enregistrée : %n nom(s) remplacé(s) par le pseudonyme (%1).</source>
        <translation>
            <numerusform>Note saved: %n name replaced by the pseudonym (%1).</numerusform>
            <numerusform>Note saved: %n names replaced by pseudonyms (%1).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/notes.py" line="120"/>
        <source>Note enregistrée.</source>
        <translation>Note saved.</translation>
    </message>
</context>
<context>
    <name>NoticeGate</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="62"/>
        <source>Mention d&apos;information — avant toute question</source>
        <translation>Information notice — before any question</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="70"/>
        <source>La mention a changé depuis le début de cet entretien : délivrez la nouvelle version et recueillez à nouveau la décision de la personne avant de continuer.</source>
        <translation>The notice has changed since this interview began: deliver the new version and record the person&apos;s decision again before continuing.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="81"/>
        <source>Mention « %1 », version %2</source>
        <translation>Notice “%1”, version %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="98"/>
        <source>Imprimer la mention (PDF) à remettre à la personne…</source>
        <translation>Print the notice (PDF) to hand to the person…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="110"/>
        <source>Décision de la personne :</source>
        <translation>The person&apos;s decision:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="111"/>
        <source>&amp;Accepte de répondre</source>
        <translation>&amp;Agrees to answer</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="113"/>
        <source>S&apos;&amp;oppose (droit d&apos;opposition)</source>
        <translation>&amp;Objects (right to object)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="114"/>
        <source>&amp;Pas maintenant</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="124"/>
        <source>Aucune question ne sera posée ; la personne ne sera plus sollicitée pour cette étude et ses coordonnées seront effacées.</source>
        <translation>No question will be asked; the person will not be contacted again for this study and their contact details will be erased.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="128"/>
        <source>&amp;Confirmer l&apos;opposition</source>
        <translation>&amp;Confirm the objection</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="129"/>
        <source>A&amp;nnuler</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="138"/>
        <source>Lisez ce texte à la personne mot pour mot, sans le résumer ni le reformuler, avant toute question.</source>
        <translation>Read this text to the person word for word, without summarising or rephrasing it, before any question.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="141"/>
        <source>Saisie d&apos;un questionnaire papier : vérifiez que le formulaire papier portait cette mention, dans cette version, avant de saisir la moindre réponse.</source>
        <translation>Keying in a paper questionnaire: check that the paper form carried this notice, in this version, before keying in any answer.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="143"/>
        <source>Tournez l&apos;écran vers la personne et laissez-lui le temps de lire la mention. Vous pouvez aussi lui en remettre une copie imprimée.</source>
        <translation>Turn the screen towards the person and give them time to read the notice. You can also hand them a printed copy.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="148"/>
        <source>J&apos;ai lu la mention mot pour mot à la personne</source>
        <translation>I read the notice word for word to the person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="150"/>
        <source>Le questionnaire papier portait cette mention (version %1)</source>
        <translation>The paper questionnaire carried this notice (version %1)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="151"/>
        <source>La personne a lu la mention à l&apos;écran ou sur papier</source>
        <translation>The person read the notice on screen or on paper</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="198"/>
        <source>Enregistrer la mention en PDF</source>
        <translation>Save the notice as PDF</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="200"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="206"/>
        <source>Mention d&apos;information</source>
        <translation>Information notice</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="42"/>
        <source>Lisez la mention à voix haute au groupe, mot pour mot, avant toute question :</source>
        <translation>Read the notice aloud to the group, word for word, before any question:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="51"/>
        <source>La mention a été &amp;lue au groupe (Ctrl+Entrée)</source>
        <translation>The notice has been &amp;read to the group (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="64"/>
        <source>Mention lue au groupe à %1 (version %2). Recueillez maintenant la décision de chacun (Alt+3).</source>
        <translation>Notice read to the group at %1 (version %2). Now ask each person&apos;s decision (Alt+3).</translation>
    </message>
</context>
<context>
    <name>ObjectionTab</name>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="224"/>
        <source>L&apos;opposition efface les coordonnées de la personne et ses réponses non encore transmises, l&apos;inscrit sur la liste d&apos;opposition (elle ne sera plus contactée pour cette étude) et enregistre la demande au journal d&apos;audit. Cette opération est définitive.</source>
        <translation>The objection erases the person&apos;s contact details and answers not yet sent, puts them on the objection list (they will not be contacted again for this study) and records the request in the audit log. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="228"/>
        <source>Je confirme que la personne s&apos;oppose au traitement de ses données.</source>
        <translation>I confirm that the person objects to the processing of their data.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="231"/>
        <source>Enregistrer l&apos;opposition</source>
        <translation>Record the objection</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="266"/>
        <source>Opposition enregistrée : %1 et %2 ; la personne ne sera plus contactée.</source>
        <translation>Objection recorded: %1 and %2; the person will not be contacted again.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="267"/>
        <source>%1 entretien(s) non transmis</source>
        <translation>
            <numerusform>%1 interview not sent</numerusform>
            <numerusform>%1 interviews not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="268"/>
        <source>%1 réponse(s) effacée(s)</source>
        <translation>
            <numerusform>%1 answer erased</numerusform>
            <numerusform>%1 answers erased</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperWindow</name>
    <message>
        <location filename="../../etudes_desktop/gui/paper/window.py" line="24"/>
        <source>Saisie des questionnaires papier — %1</source>
        <translation>Keying paper questionnaires — %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/window.py" line="34"/>
        <source>Lot du %1, opérateur %2 · double saisie : %3</source>
        <translation>Batch of %1, operator %2 · double entry: %3</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/window.py" line="39"/>
        <source>Double saisie à l&apos;aveugle par %1 : saisissez le questionnaire tiré comme s&apos;il était nouveau (la première saisie n&apos;est pas montrée).</source>
        <translation>Blind double entry by %1: key the picked form as if it were new (the first keying is not shown).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/window.py" line="44"/>
        <source>Saisie</source>
        <translation>Keying</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/window.py" line="44"/>
        <source>Double saisie</source>
        <translation>Double entry</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/window.py" line="45"/>
        <source>Différences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/window.py" line="45"/>
        <source>Statistiques</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/window.py" line="71"/>
        <source>Questionnaires du lot : %1 · terminés : %2 · mis de côté : %3 · à vérifier : %4 · à trancher : %5</source>
        <translation>Forms in the batch: %1 · done: %2 · set aside: %3 · to verify: %4 · to resolve: %5</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="118"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="136"/>
        <source>… et %1 autre(s)</source>
        <translation>
            <numerusform>… and %1 more</numerusform>
            <numerusform>… and %1 more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="19"/>
        <source>Profil de l&apos;enquêteur</source>
        <translation>Interviewer profile</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="27"/>
        <source>Qui réalise les entretiens ?</source>
        <translation>Who conducts the interviews?</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="30"/>
        <source>Le nom affiché est celui que vous annoncez aux personnes interrogées. Le pseudonyme est la seule identité de l&apos;enquêteur transmise avec les entretiens lors de la synchronisation.</source>
        <translation>The displayed name is the one you give to the people you interview. The pseudonym is the only identity of the interviewer sent with the interviews when synchronising.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="35"/>
        <source>ex. Claire Martin</source>
        <translation>e.g. Claire Martin</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="37"/>
        <source>ex. ENQ-07</source>
        <translation>e.g. ENQ-07</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="38"/>
        <source>&amp;Nom annoncé aux personnes :</source>
        <translation>&amp;Name given to people:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="39"/>
        <source>&amp;Pseudonyme d&apos;enquêteur :</source>
        <translation>Interviewer &amp;pseudonym:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="45"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="47"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QuestionnairesPage</name>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="88"/>
        <source>Questionnaire individuel de chaque participant qui a accepté : choisissez-le, Entrée l&apos;ouvre.</source>
        <translation>Individual questionnaire of each participant who accepted: choose it, Enter opens it.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/window.py" line="94"/>
        <source>&amp;Ouvrir le questionnaire</source>
        <translation>&amp;Open the questionnaire</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="149"/>
        <source>Taux de réponse (AAPOR)</source>
        <translation>Response rates (AAPOR)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="152"/>
        <source>Taux de réponse (AAPOR) — %1</source>
        <translation>Response rates (AAPOR) — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/next_call.py" line="157"/>
        <source>%n cas : %1 complets (I), %2 partiels (P), %3 refus et abandons (R), %4 non-contacts (NC), %5 autres (O), %6 + %7 d&apos;éligibilité inconnue (UH, UO), %8 hors cible (NE).</source>
        <translation>
            <numerusform>%n case: %1 complete (I), %2 partial (P), %3 refusals and break-offs (R), %4 non-contacts (NC), %5 other (O), %6 + %7 of unknown eligibility (UH, UO), %8 not eligible (NE).</numerusform>
            <numerusform>%n cases: %1 complete (I), %2 partial (P), %3 refusals and break-offs (R), %4 non-contacts (NC), %5 other (O), %6 + %7 of unknown eligibility (UH, UO), %8 not eligible (NE).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="164"/>
        <source>e = %1 (estimé : part d&apos;éligibles parmi les cas dont l&apos;éligibilité est connue)</source>
        <translation>e = %1 (estimated: share of eligible cases among those whose eligibility is known)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="165"/>
        <source>e = %1 (fixé par l&apos;étude)</source>
        <translation>e = %1 (set by the study)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="169"/>
        <source>Taux</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="169"/>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="169"/>
        <source>Ce qu&apos;il mesure</source>
        <translation>What it measures</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="184"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="190"/>
        <source>réponse : entretiens parmi les cas</source>
        <translation>response: interviews among the cases</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="191"/>
        <source>coopération : entretiens parmi les personnes jointes</source>
        <translation>cooperation: interviews among the people reached</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="192"/>
        <source>refus : refus et abandons parmi les cas</source>
        <translation>refusal: refusals and break-offs among the cases</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/next_call.py" line="193"/>
        <source>contact : personnes jointes parmi les cas</source>
        <translation>contact: people reached among the cases</translation>
    </message>
</context>
<context>
    <name>ReconcilePanel</name>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="62"/>
        <source>Questionnaires à trancher :</source>
        <translation>Forms to resolve:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="71"/>
        <source>Sur chaque ligne, le papier en main : 1 garde la première saisie, 2 la seconde, R saisit à nouveau la valeur lue. La valeur gardée est la bonne : l&apos;autre saisie compte une erreur pour son opérateur.</source>
        <translation>On each row, paper in hand: 1 keeps the first keying, 2 the second, R keys the value read again. The value kept is right: the other keying counts one error for its operator.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="77"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="77"/>
        <source>1re saisie</source>
        <translation>1st keying</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="77"/>
        <source>2e saisie</source>
        <translation>2nd keying</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="78"/>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="90"/>
        <source>Valeur lue sur le papier :</source>
        <translation>Value read on the paper:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="99"/>
        <source>&amp;Valider le questionnaire (Ctrl+Entrée)</source>
        <translation>&amp;Validate the form (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="112"/>
        <source>N° %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="122"/>
        <source>Aucun questionnaire à trancher.</source>
        <translation>No form to resolve.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="129"/>
        <source>Questionnaire n° %1 — saisi par %2, vérifié par %3</source>
        <translation>Form no. %1 — keyed by %2, verified by %3</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="143"/>
        <source>1re gardée</source>
        <translation>1st kept</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="143"/>
        <source>2e gardée</source>
        <translation>2nd kept</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="144"/>
        <source>ressaisie : %1</source>
        <translation>keyed again: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="151"/>
        <source>à trancher</source>
        <translation>to resolve</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="153"/>
        <source>vide</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/paper/reconcile.py" line="212"/>
        <source>Questionnaire n° %1 validé : il partira à la prochaine synchronisation.</source>
        <translation>Form no. %1 validated: it goes with the next sync.</translation>
    </message>
</context>
<context>
    <name>RectificationTab</name>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="170"/>
        <source>%1 :</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="174"/>
        <source>Enregistrer les corrections</source>
        <translation>Save the corrections</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="204"/>
        <source>Aucune modification à enregistrer.</source>
        <translation>No change to save.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="213"/>
        <source>Coordonnées corrigées : %1.</source>
        <translation>Contact details corrected: %1.</translation>
    </message>
</context>
<context>
    <name>RespondentsModel</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_model.py" line="143"/>
        <source>Rendez-vous le %1 à %2</source>
        <translation>Appointment on %1 at %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_model.py" line="151"/>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_model.py" line="151"/>
        <source>(coordonnées effacées)</source>
        <translation>(contact details erased)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_model.py" line="152"/>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_model.py" line="153"/>
        <source>Commune</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_model.py" line="154"/>
        <source>Téléphone</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_model.py" line="155"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>RespondentsView</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="54"/>
        <source>Rechercher : nom, prénom, identifiant, commune ou téléphone</source>
        <translation>Search: last name, first name, identifier, town or phone</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="86"/>
        <source>Entretien sans personne désignée</source>
        <translation>Interview without a named person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="88"/>
        <source>Commencer l&apos;entretien</source>
        <translation>Start the interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="142"/>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="143"/>
        <source>À contacter ou en cours</source>
        <translation>To contact or in progress</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="145"/>
        <source>Avec rendez-vous</source>
        <translation>With an appointment</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="158"/>
        <source>Choisissez une étude à gauche, ou importez-en une.</source>
        <translation>Choose a study on the left, or import one.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="161"/>
        <source>personne</source>
        <translation>person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="161"/>
        <source>personnes</source>
        <translation>people</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="164"/>
        <source>%1 sur %2 personnes</source>
        <translation>%1 of %2 people</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="167"/>
        <source>Aucune personne dans cette étude pour l&apos;instant.
Importez le fichier d&apos;échantillon reçu : bouton « Importer un échantillon… ».</source>
        <translation>No person in this study yet.
Import the sample file you received: “Import a sample…” button.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="170"/>
        <source>Personne ne correspond à cette recherche.</source>
        <translation>Nobody matches this search.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="201"/>
        <source>Cette personne ne doit pas être sollicitée (%1).</source>
        <translation>This person must not be contacted (%1).</translation>
    </message>
</context>
<context>
    <name>RetentionBanner</name>
    <message>
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="76"/>
        <source>Masquer</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="99"/>
        <source>demain</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="100"/>
        <source>dans %1 jours</source>
        <translation>in %1 days</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="101"/>
        <source>Étude « %1 » : les fichiers fournis et les coordonnées seront détruits de ce poste le %2 (%3). Synchronisez les entretiens terminés avant cette date.</source>
        <translation>Study “%1”: the supplied files and contact details will be destroyed on this computer on %2 (%3). Synchronise the completed interviews before that date.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="108"/>
        <source>Étude « %1 » : durée de conservation atteinte ; %2, %3 et %4 détruits de ce poste.</source>
        <translation>Study “%1”: retention period reached; %2, %3 and %4 destroyed on this computer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="110"/>
        <source>%1 personne(s)</source>
        <translation>
            <numerusform>%1 person</numerusform>
            <numerusform>%1 people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="111"/>
        <source>%1 brouillon(s)</source>
        <translation>
            <numerusform>%1 draft</numerusform>
            <numerusform>%1 drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="112"/>
        <source>%1 appel(s)</source>
        <translation>
            <numerusform>%1 call</numerusform>
            <numerusform>%1 calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionScheduler</name>
    <message>
        <location filename="../../etudes_desktop/gui/retention_banner.py" line="188"/>
        <source>La vérification des durées de conservation a échoué ; nouvel essai dans une heure.</source>
        <translation>Checking the retention periods failed; new attempt in one hour.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="36"/>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="94"/>
        <source>Relecture avant de terminer</source>
        <translation>Review before completing</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="41"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="41"/>
        <source>Réponse</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="52"/>
        <source>← &amp;Retour aux questions</source>
        <translation>← &amp;Back to the questions</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="53"/>
        <source>&amp;Terminer l&apos;entretien</source>
        <translation>&amp;Complete the interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="83"/>
        <source>— sans réponse</source>
        <translation>— no answer</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="91"/>
        <source>Entretien terminé (lecture seule)</source>
        <translation>Interview completed (read only)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="95"/>
        <source>Vérifiez les réponses avec la personne. Entrée sur une ligne : revenir à cette question. Une fois terminé, l&apos;entretien n&apos;est plus modifiable.</source>
        <translation>Check the answers with the person. Enter on a line: go back to that question. Once completed, the interview can no longer be changed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/interview/review.py" line="100"/>
        <source>%1 question(s) à compléter avant de terminer.</source>
        <translation>
            <numerusform>%1 question to complete before finishing.</numerusform>
            <numerusform>%1 questions to complete before finishing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RightsDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="41"/>
        <source>Dossier où écrire l&apos;export</source>
        <translation>Folder to write the export to</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="55"/>
        <source>Droits des personnes</source>
        <translation>People&apos;s rights</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="81"/>
        <source>Civilité</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="81"/>
        <source>Nom</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="81"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="82"/>
        <source>Sexe</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="82"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="82"/>
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="83"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="83"/>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="83"/>
        <source>Commune</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="84"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="84"/>
        <source>Téléphone 2</source>
        <translation>Phone 2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="84"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="85"/>
        <source>Profession</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="91"/>
        <source>Demande d&apos;accès, de rectification ou d&apos;opposition d&apos;une personne de l&apos;échantillon. Chaque demande est inscrite au journal d&apos;audit.</source>
        <translation>A request for access, rectification or objection from a person in the sample. Every request is written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="100"/>
        <source>Identifiant, nom, commune ou téléphone</source>
        <translation>Identifier, name, town or phone</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="102"/>
        <source>Étude :</source>
        <translation>Study:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="103"/>
        <source>Rechercher :</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="107"/>
        <source>Choisissez la personne concernée dans la liste.</source>
        <translation>Choose the person concerned in the list.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="115"/>
        <source>Accès</source>
        <translation>Access</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="116"/>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="117"/>
        <source>Opposition</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="125"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="167"/>
        <source>Aucune personne d&apos;identifiant « %1 » dans cette étude.</source>
        <translation>No person with identifier “%1” in this study.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="194"/>
        <source>Personne : %1 — %2 · statut : %3</source>
        <translation>Person: %1 — %2 · status: %3</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/rights_dialog.py" line="195"/>
        <source>coordonnées effacées</source>
        <translation>contact details erased</translation>
    </message>
</context>
<context>
    <name>RunnerView</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="32"/>
        <source>Saisissez une date qui existe, au format JJ/MM/AAAA.</source>
        <translation>Enter a date that exists, as DD/MM/YYYY.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="33"/>
        <source>Saisissez une heure au format HH:MM.</source>
        <translation>Enter a time as HH:MM.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="34"/>
        <source>Saisissez une date et une heure au format JJ/MM/AAAA HH:MM.</source>
        <translation>Enter a date and time as DD/MM/YYYY HH:MM.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="88"/>
        <source>← Précédent (Page préc.)</source>
        <translation>← Previous (Page Up)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="89"/>
        <source>Suivant (Entrée) →</source>
        <translation>Next (Enter) →</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="93"/>
        <source>Entrée ou Tab : suivant · Maj+Tab ou Page préc. : retour · chiffres : choisir · Espace : cocher</source>
        <translation>Enter or Tab: next · Shift+Tab or Page Up: back · digits: choose · Space: tick</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="102"/>
        <source>Retour à la &amp;relecture (Ctrl+R)</source>
        <translation>Back to the &amp;review (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="106"/>
        <source>Ne sait pas (F8)</source>
        <translation>Don&apos;t know (F8)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="107"/>
        <source>Refus (F9)</source>
        <translation>Refusal (F9)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="152"/>
        <source>+ Ajouter : %1 (Ctrl+Maj+A)</source>
        <translation>+ Add: %1 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="170"/>
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="257"/>
        <source>Corrigez ou complétez la page avant de continuer.</source>
        <translation>Correct or complete the page before continuing.</translation>
    </message>
</context>
<context>
    <name>SampleImportDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="64"/>
        <source>Importer un échantillon</source>
        <translation>Import a sample</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="79"/>
        <source>Échantillon de l&apos;étude « %1 »</source>
        <translation>Sample of the study “%1”</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="84"/>
        <source>Aucun fichier choisi (CSV ou XLSX).</source>
        <translation>No file chosen (CSV or XLSX).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="86"/>
        <source>Choisir un fichier…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="90"/>
        <source>Correspondance des colonnes (devinée d&apos;après les en-têtes, modifiable) :</source>
        <translation>Column mapping (guessed from the headers, editable):</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="93"/>
        <source>Colonne du fichier</source>
        <translation>File column</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="93"/>
        <source>Devient</source>
        <translation>Becomes</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="97"/>
        <source>Tout ou rien : si une ligne a un problème, rien n&apos;est importé</source>
        <translation>All or nothing: if one row has a problem, nothing is imported</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="98"/>
        <source>Importer les lignes valides et lister les lignes rejetées</source>
        <translation>Import the valid rows and list the rejected ones</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="119"/>
        <source>Vérifier</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="120"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="122"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="138"/>
        <source>Choisir le fichier d&apos;échantillon</source>
        <translation>Choose the sample file</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="139"/>
        <source>Fichiers d&apos;échantillon (*.csv *.txt *.tsv *.xlsx *.xlsm);;Tous les fichiers (*)</source>
        <translation>Sample files (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="155"/>
        <source>Fichier refusé.</source>
        <translation>File refused.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="158"/>
        <source>%1 colonnes lues. Vérifiez la correspondance puis importez.</source>
        <translation>%1 columns read. Check the mapping, then import.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="199"/>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="212"/>
        <source>Import…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="223"/>
        <source>Correspondance à corriger.</source>
        <translation>The mapping needs correcting.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="258"/>
        <source>%1 lignes traitées…</source>
        <translation>%1 rows processed…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="268"/>
        <source>%1 lignes vérifiées : %2 à importer.</source>
        <translation>%1 rows checked: %2 to import.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="271"/>
        <source>%1 ligne(s) seront rejetées :</source>
        <translation>
            <numerusform>%1 row will be rejected:</numerusform>
            <numerusform>%1 rows will be rejected:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="279"/>
        <source>Lignes rejetées :</source>
        <translation>Rejected rows:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="288"/>
        <source>Fichier refusé : rien n&apos;a été importé.</source>
        <translation>File refused: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="291"/>
        <source>L&apos;import a échoué : rien n&apos;a été importé.</source>
        <translation>The import failed: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="295"/>
        <source>Fichier refusé : il contient un numéro de sécurité sociale (NIR), interdit. Rien n&apos;a été importé. Retirez ces données puis recommencez :</source>
        <translation>File refused: it contains a social security number (NIR), which is forbidden. Nothing was imported. Remove these data and try again:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="298"/>
        <source>Fichier refusé : rien n&apos;a été importé. Corrigez ces lignes, ou choisissez « Importer les lignes valides » :</source>
        <translation>File refused: nothing was imported. Correct these rows, or choose “Import the valid rows”:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="310"/>
        <source>… et %1 autre(s)</source>
        <translation>
            <numerusform>… and %1 more</numerusform>
            <numerusform>… and %1 more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="41"/>
        <source>Réunions de groupe</source>
        <translation>Focus groups</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="45"/>
        <source>Réunions de l&apos;étude :</source>
        <translation>Sessions of the study:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="47"/>
        <source>en cours</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="47"/>
        <source>close, à envoyer</source>
        <translation>closed, to send</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="47"/>
        <source>en envoi</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="48"/>
        <source>envoyée</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="57"/>
        <source>&amp;Reprendre la réunion</source>
        <translation>&amp;Resume the session</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="63"/>
        <source>Nouvelle réunion :</source>
        <translation>New session:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="68"/>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="71"/>
        <source>salle, ville (jamais une personne)</source>
        <translation>room, town (never a person)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="72"/>
        <source>&amp;Lieu :</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="74"/>
        <source>nom, identifiant ou commune</source>
        <translation>name, id or town</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="76"/>
        <source>&amp;Chercher :</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="78"/>
        <source>Personnes invitées (Espace coche) :</source>
        <translation>People invited (Space ticks):</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/group/start.py" line="85"/>
        <source>Créer la &amp;réunion</source>
        <translation>Create the &amp;session</translation>
    </message>
</context>
<context>
    <name>StartInterviewDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="60"/>
        <source>Nouvel entretien</source>
        <translation>New interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="73"/>
        <source>La personne choisie ne peut pas être interrogée : elle a déjà été interrogée, s&apos;est opposée ou a arrêté son entretien.</source>
        <translation>The person chosen cannot be interviewed: they were already interviewed, objected or stopped their interview.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="79"/>
        <source>Nouvel entretien — %1</source>
        <translation>New interview — %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="84"/>
        <source>Rechercher par nom, n° d&apos;échantillon ou commune</source>
        <translation>Search by name, sample number or town</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="86"/>
        <source>&amp;Personne à interroger :</source>
        <translation>&amp;Person to interview:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="91"/>
        <source>Personne non nommée (panel, recrutement sur place)</source>
        <translation>Unnamed person (panel, on-the-spot recruitment)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="105"/>
        <source>Appel s&amp;uivant (F5)</source>
        <translation>&amp;Next call (F5)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="106"/>
        <source>La personne à appeler maintenant : rendez-vous dû, nouvel essai ou premier appel, dans ses heures d&apos;appel</source>
        <translation>The person to call now: appointment due, new try or first call, within their calling hours</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="109"/>
        <source>Noter un appel &amp;sans entretien…</source>
        <translation>Record a call &amp;without an interview…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="110"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="111"/>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="199"/>
        <source>&amp;Commencer l&apos;entretien</source>
        <translation>&amp;Start the interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="121"/>
        <source>Mode de recueil</source>
        <translation>Collection mode</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="173"/>
        <source>entretien en cours</source>
        <translation>interview in progress</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="198"/>
        <source>&amp;Reprendre l&apos;entretien en cours</source>
        <translation>&amp;Resume the interview in progress</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="201"/>
        <source>Choisissez une personne dans la liste.</source>
        <translation>Choose a person from the list.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="202"/>
        <source>Aucune personne à contacter ne correspond.</source>
        <translation>No person to contact matches.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="204"/>
        <source>Cette personne a déjà un entretien en cours : il sera repris là où il s&apos;est arrêté (pas de second entretien).</source>
        <translation>This person already has an interview in progress: it will be resumed where it stopped (no second interview).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="230"/>
        <source>Aucune personne à appeler pour le moment.</source>
        <translation>No one to call for the moment.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="231"/>
        <source>Prochain créneau d&apos;appel : %1</source>
        <translation>Next calling window: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="240"/>
        <source>Appel suivant : %1. %2</source>
        <translation>Next call: %1. %2</translation>
    </message>
</context>
<context>
    <name>StudiesPanel</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="25"/>
        <source>Études</source>
        <translation>Studies</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="35"/>
        <source>Aucune étude dans le coffre. Importez le questionnaire (XLSForm) ou le paquet d&apos;étude reçu du responsable d&apos;étude.</source>
        <translation>No study in the vault. Import the questionnaire (XLSForm) or the study package received from the study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="39"/>
        <source>Importer une étude…</source>
        <translation>Import a study…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="41"/>
        <source>Importer un échantillon…</source>
        <translation>Import a sample…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="60"/>
        <source>Identifiant %1, version %2</source>
        <translation>Identifier %1, version %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="76"/>
        <source>%1 personnes · v%2</source>
        <translation>%1 people · v%2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="78"/>
        <source>close</source>
        <translation>close</translation>
    </message>
</context>
<context>
    <name>StudyImporter</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="64"/>
        <source>Importer une étude</source>
        <translation>Import a study</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="65"/>
        <source>Questionnaires et paquets d&apos;étude (*.xlsx *.xls *.json);;Tous les fichiers (*)</source>
        <translation>Questionnaires and study packages (*.xlsx *.xls *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="100"/>
        <source>fichier illisible (%1)</source>
        <translation>unreadable file (%1)</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="110"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="112"/>
        <source>Les entretiens terminés partent par lots vers le serveur de collecte. Ceux que le serveur a reçus sont ensuite effacés de ce poste.</source>
        <translation>Completed interviews go in batches to the collection server. Those the server has received are then erased from this computer.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="117"/>
        <source>Synchroniser</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="120"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="123"/>
        <source>Réglages du serveur…</source>
        <translation>Server settings…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="143"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="143"/>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="151"/>
        <source>Étude</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="143"/>
        <source>Lot</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="143"/>
        <source>Envoyés</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="143"/>
        <source>Acceptés</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="144"/>
        <source>Déjà reçus</source>
        <translation>Already received</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="144"/>
        <source>En conflit</source>
        <translation>In conflict</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="144"/>
        <source>Refusés</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="144"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="151"/>
        <source>Entretien</source>
        <translation>Interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="151"/>
        <source>Terminé le</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="151"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="151"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="158"/>
        <source>Ces entretiens restent sur ce poste et ne seront pas renvoyés tels quels. Signalez-les à votre responsable d&apos;étude avec le motif.</source>
        <translation>These interviews stay on this computer and will not be resent as they are. Report them to your study manager with the reason.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="163"/>
        <source>Journal des synchronisations</source>
        <translation>Synchronisation log</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="164"/>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="377"/>
        <source>Refusés ou en conflit</source>
        <translation>Refused or in conflict</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="215"/>
        <source>Connexion au serveur de collecte…</source>
        <translation>Connecting to the collection server…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="221"/>
        <source>%1 entretien(s) envoyé(s) sur %2</source>
        <translation>
            <numerusform>%1 of %2 interviews sent</numerusform>
            <numerusform>%1 of %2 interviews sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="224"/>
        <source>lot en cours : %1 entretien(s)</source>
        <translation>
            <numerusform>current batch: %1 interview</numerusform>
            <numerusform>current batch: %1 interviews</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="236"/>
        <source>Réussi</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="236"/>
        <source>Échec</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="236"/>
        <source>Annulé</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="254"/>
        <source>Aucun entretien en attente d&apos;envoi</source>
        <translation>No interview waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="256"/>
        <source>1 entretien en attente d&apos;envoi</source>
        <translation>1 interview waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="258"/>
        <source>%1 entretiens en attente d&apos;envoi</source>
        <translation>%1 interviews waiting to be sent</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="260"/>
        <source>%1 refusé(s) ou en conflit</source>
        <translation>
            <numerusform>%1 refused or in conflict</numerusform>
            <numerusform>%1 refused or in conflict</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="264"/>
        <source>dernière synchronisation réussie : %1</source>
        <translation>last successful synchronisation: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="266"/>
        <source>jamais synchronisé</source>
        <translation>never synchronised</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="271"/>
        <source>Cet ordinateur a été retiré de l&apos;étude par le bureau d&apos;études : ses données de l&apos;étude ont été détruites après l&apos;envoi de ce qui pouvait l&apos;être.</source>
        <translation>This computer was withdrawn from the study by the collection office: its study data was destroyed after everything that could be sent was sent.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="279"/>
        <source>%1 personne(s) reçue(s)</source>
        <translation>
            <numerusform>%1 person received</numerusform>
            <numerusform>%1 people received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="281"/>
        <source>%1 retirée(s)</source>
        <translation>
            <numerusform>%1 withdrawn</numerusform>
            <numerusform>%1 withdrawn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="283"/>
        <source>Attribution du bureau d&apos;études : %1, %2.</source>
        <translation>Assignment from the collection office: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="287"/>
        <source>Synchronisation réussie : rien à envoyer, tout est à jour.</source>
        <translation>Synchronisation succeeded: nothing to send, everything is up to date.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="288"/>
        <source>%1 entretien(s) envoyé(s)</source>
        <translation>
            <numerusform>%1 interview sent</numerusform>
            <numerusform>%1 interviews sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="289"/>
        <source>en %1 lot(s)</source>
        <translation>
            <numerusform>in %1 batch</numerusform>
            <numerusform>in %1 batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="290"/>
        <source>%1 reçu(s) par le serveur et effacé(s) de ce poste</source>
        <translation>
            <numerusform>%1 received by the server and erased from this computer</numerusform>
            <numerusform>%1 received by the server and erased from this computer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="292"/>
        <source>Synchronisation réussie : %1 %2 ; %3.</source>
        <translation>Synchronisation succeeded: %1 %2; %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="296"/>
        <source>%1 refusé(s) ou en conflit : ils restent sur ce poste, motif dans l&apos;onglet « Refusés ou en conflit ».</source>
        <translation>
            <numerusform>%1 refused or in conflict: it stays on this computer, see why in the “Refused or in conflict” tab.</numerusform>
            <numerusform>%1 refused or in conflict: they stay on this computer, see why in the “Refused or in conflict” tab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="302"/>
        <source>Synchronisation annulée : %1 entretien(s) envoyé(s) ; les autres partiront à la prochaine synchronisation.</source>
        <translation>
            <numerusform>Synchronisation cancelled: %1 interview sent; the others will go at the next synchronisation.</numerusform>
            <numerusform>Synchronisation cancelled: %1 interviews sent; the others will go at the next synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="307"/>
        <source>Le serveur a refusé le jeton d&apos;appareil. Vérifiez-le dans les réglages du serveur ; rien n&apos;a été envoyé ni effacé.</source>
        <translation>The server refused the device token. Check it in the server settings; nothing was sent or erased.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="309"/>
        <source>Le serveur refuse les envois de ce poste pour cette étude. Contactez votre responsable d&apos;étude.</source>
        <translation>The server refuses uploads from this computer for this study. Contact your study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="311"/>
        <source>Le serveur de collecte est injoignable. Vérifiez la connexion puis réessayez : rien n&apos;est perdu.</source>
        <translation>The collection server cannot be reached. Check the connection and try again: nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="313"/>
        <source>Ce jeton d&apos;appareil est inscrit pour une autre étude : vérifiez les réglages du serveur. Rien n&apos;a été envoyé.</source>
        <translation>This device token is enrolled for another study: check the server settings. Nothing was sent.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="315"/>
        <source>Le serveur a refusé un lot d&apos;entretiens. Rien n&apos;est perdu ; réessayez plus tard ou contactez votre responsable d&apos;étude.</source>
        <translation>The server refused a batch of interviews. Nothing is lost; try again later or contact your study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="317"/>
        <source>Le serveur a répondu de façon incohérente. Rien n&apos;a été effacé ; réessayez plus tard.</source>
        <translation>The server gave an inconsistent answer. Nothing was erased; try again later.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="319"/>
        <source>Le serveur a refusé le journal d&apos;audit ; les entretiens envoyés sont bien reçus. Réessayez plus tard.</source>
        <translation>The server refused the audit log; the interviews sent were received. Try again later.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="327"/>
        <source>La synchronisation a échoué : %1. Rien n&apos;est perdu ; réessayez plus tard.</source>
        <translation>Synchronisation failed: %1. Nothing is lost; try again later.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="329"/>
        <source>La synchronisation a échoué. Rien n&apos;est perdu ; réessayez plus tard.</source>
        <translation>Synchronisation failed. Nothing is lost; try again later.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="332"/>
        <source>Indiquez l&apos;adresse du serveur et le jeton d&apos;appareil (bouton « Réglages du serveur… »).</source>
        <translation>Enter the server address and the device token (“Server settings…” button).</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="337"/>
        <source>Annulation après le lot en cours…</source>
        <translation>Cancelling after the current batch…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="350"/>
        <source>une information sur la personne que le serveur n&apos;accepte pas</source>
        <translation>information about the person that the server does not accept</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="351"/>
        <source>trop volumineux pour le serveur, même envoyé seul</source>
        <translation>too large for the server, even sent alone</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="352"/>
        <source>contenu qui ne peut pas quitter ce poste tel quel</source>
        <translation>content that cannot leave this computer as it is</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="365"/>
        <source>(aucun motif donné)</source>
        <translation>(no reason given)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="344"/>
        <source>déjà reçu par le serveur avec un autre contenu</source>
        <translation>already received by the server with different content</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="345"/>
        <source>présent deux fois dans le lot avec des contenus différents</source>
        <translation>present twice in the batch with different contents</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="346"/>
        <source>appartient à une autre étude que celle de ce poste</source>
        <translation>belongs to another study than this computer&apos;s</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="347"/>
        <source>contenu altéré pendant l&apos;envoi (empreinte différente)</source>
        <translation>content altered in transit (different fingerprint)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="348"/>
        <source>notice d&apos;information absente des versions publiées de l&apos;étude</source>
        <translation>information notice missing from the study&apos;s published versions</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="349"/>
        <source>contenu refusé par le serveur (format invalide)</source>
        <translation>content refused by the server (invalid format)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="365"/>
        <source>refusé par le serveur</source>
        <translation>refused by the server</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_panel.py" line="370"/>
        <source>Bloqué sur ce poste</source>
        <translation>Blocked on this computer</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="38"/>
        <source>Réglages de la synchronisation</source>
        <translation>Synchronisation settings</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="59"/>
        <source>Votre responsable d&apos;étude vous communique l&apos;adresse du serveur de collecte et le jeton de ce poste. Ils sont conservés dans le coffre chiffré.</source>
        <translation>Your study manager gives you the address of the collection server and this computer&apos;s token. They are kept in the encrypted vault.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="69"/>
        <source>Afficher le jeton</source>
        <translation>Show the token</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="70"/>
        <source>Adresse du serveur :</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="71"/>
        <source>Jeton d&apos;appareil :</source>
        <translation>Device token:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="74"/>
        <source>Je confirme utiliser ce serveur sans chiffrement (http://) : les entretiens circuleront en clair sur le réseau.</source>
        <translation>I confirm using this server without encryption (http://): the interviews will cross the network in clear.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="85"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="86"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="118"/>
        <source>Cette adresse n&apos;est pas chiffrée (http://) : utilisez https://, ou cochez la confirmation ci-dessus.</source>
        <translation>This address is not encrypted (http://): use https://, or tick the confirmation above.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="132"/>
        <source>Indiquez l&apos;adresse du serveur.</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="134"/>
        <source>L&apos;adresse du serveur doit commencer par http:// ou https://.</source>
        <translation>The server address must start with http:// or https://.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="136"/>
        <source>L&apos;adresse du serveur ne doit pas contenir d&apos;espace.</source>
        <translation>The server address must not contain spaces.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="137"/>
        <source>Indiquez le jeton d&apos;appareil.</source>
        <translation>Enter the device token.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="138"/>
        <source>Ce jeton d&apos;appareil n&apos;est pas valide.</source>
        <translation>This device token is not valid.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/sync_settings.py" line="142"/>
        <source>Réglages refusés.</source>
        <translation>Settings refused.</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <location filename="../../etudes_desktop/gui/unlock.py" line="110"/>
        <source>Préparation du coffre de démonstration…</source>
        <translation>Preparing the demo vault…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/unlock.py" line="226"/>
        <source>Vous pouvez réessayer.</source>
        <translation>You can try again.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="150"/>
        <source>Coffre verrouillé</source>
        <translation>Vault locked</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="154"/>
        <source>Les données des enquêtes sont chiffrées sur ce poste. Saisissez votre phrase de passe pour ouvrir le coffre.</source>
        <translation>Survey data are encrypted on this computer. Enter your passphrase to open the vault.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="157"/>
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="158"/>
        <source>Mode démonstration : la phrase de passe est %1</source>
        <translation>Demo mode: the passphrase is %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="163"/>
        <source>Phrase de passe oubliée ?</source>
        <translation>Forgot your passphrase?</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="166"/>
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="174"/>
        <source>Saisissez le code de secours noté à la création du coffre, puis choisissez une nouvelle phrase de passe.</source>
        <translation>Enter the recovery code you wrote down when the vault was created, then choose a new passphrase.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="178"/>
        <source>&amp;Code de secours</source>
        <translation>&amp;Recovery code</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="180"/>
        <source>&amp;Nouvelle phrase de passe</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="182"/>
        <source>C&amp;onfirmation de la nouvelle phrase de passe</source>
        <translation>C&amp;onfirm the new passphrase</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="187"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="189"/>
        <source>Définir la nouvelle phrase de passe</source>
        <translation>Set the new passphrase</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../etudes_desktop/gui/unlock.py" line="165"/>
        <source>Phrase de passe oubliée</source>
        <translation>Forgotten passphrase</translation>
    </message>
</context>
<context>
    <name>VaultCreateForm</name>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="103"/>
        <source>Création du coffre chiffré</source>
        <translation>Creating the encrypted vault</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="107"/>
        <source>Les réponses et les coordonnées des assurés sont chiffrées sur ce poste. Choisissez la phrase de passe qui ouvrira le coffre : au moins 12 caractères mêlant minuscules, majuscules, chiffres et symboles, 14 caractères de trois de ces sortes, 16 de deux sortes, ou une phrase de 7 mots.</source>
        <translation>The answers and contact details of insured people are encrypted on this computer. Choose the passphrase that will open the vault: at least 12 characters mixing lower case, upper case, digits and symbols, 14 characters of three of these kinds, 16 of two kinds, or a sentence of 7 words.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="111"/>
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="113"/>
        <source>&amp;Confirmation de la phrase de passe</source>
        <translation>&amp;Confirm the passphrase</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="118"/>
        <source>Créer le coffre</source>
        <translation>Create the vault</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="126"/>
        <source>Voici votre code de secours. Il rouvre le coffre si la phrase de passe est oubliée. Il ne sera plus jamais affiché : recopiez-le à la main sur papier et rangez-le à l&apos;écart de l&apos;ordinateur.</source>
        <translation>Here is your recovery code. It reopens the vault if the passphrase is forgotten. It will never be shown again: copy it by hand on paper and keep it away from the computer.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="131"/>
        <source>&amp;Je l&apos;ai noté</source>
        <translation>&amp;I have written it down</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/vault_forms.py" line="133"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>VaultCreateScreen</name>
    <message>
        <location filename="../../etudes_desktop/gui/vault_create.py" line="99"/>
        <source>Code de secours</source>
        <translation>Recovery code</translation>
    </message>
</context>
<context>
    <name>VaultMessages</name>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="18"/>
        <source>Phrase de passe incorrecte.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="19"/>
        <source>Code de secours incorrect.</source>
        <translation>Wrong recovery code.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="20"/>
        <source>Aucun coffre n&apos;existe dans ce dossier.</source>
        <translation>There is no vault in this folder.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="21"/>
        <source>Un coffre existe déjà dans ce dossier.</source>
        <translation>A vault already exists in this folder.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="22"/>
        <source>Ce coffre a été écrit par une version plus récente de l&apos;application : mettez-la à jour.</source>
        <translation>This vault was written by a newer version of the application: please update it.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="23"/>
        <source>Le fichier des clés du coffre est introuvable. Contactez votre responsable d&apos;étude.</source>
        <translation>The vault&apos;s key file is missing. Contact your study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="24"/>
        <source>Le fichier des clés du coffre a été modifié. Contactez votre responsable d&apos;étude.</source>
        <translation>The vault&apos;s key file has been altered. Contact your study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="25"/>
        <source>Le coffre est endommagé. Contactez votre responsable d&apos;étude.</source>
        <translation>The vault is damaged. Contact your study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="28"/>
        <source>Ce code de secours est mal saisi : vérifiez chaque groupe de quatre caractères.</source>
        <translation>This recovery code is mistyped: check each group of four characters.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="35"/>
        <source>L&apos;opération sur le coffre a échoué.</source>
        <translation>The vault operation failed.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="40"/>
        <source>Trop d&apos;essais infructueux. Nouvel essai possible dans %1 s.</source>
        <translation>Too many failed attempts. You can try again in %1 s.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="64"/>
        <source>Saisissez-la une seconde fois pour confirmer.</source>
        <translation>Type it a second time to confirm.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="66"/>
        <source>Les deux saisies diffèrent.</source>
        <translation>The two entries differ.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="67"/>
        <source>Les deux saisies concordent.</source>
        <translation>Both entries match.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="84"/>
        <source>Phrase de passe conforme.</source>
        <translation>The passphrase meets the policy.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="85"/>
        <source>Trop faible. Sont acceptés : 12 caractères mêlant minuscules, majuscules, chiffres et symboles ; 14 caractères de trois de ces sortes ; 16 de deux sortes ; ou une phrase de 7 mots.</source>
        <translation>Too weak. Accepted: 12 characters mixing lower case, upper case, digits and symbols; 14 characters of three of these kinds; 16 of two kinds; or a sentence of 7 words.</translation>
    </message>
</context>
<context>
    <name>ViewLabels</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="15"/>
        <source>À contacter</source>
        <translation>To contact</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="15"/>
        <source>En cours</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="15"/>
        <source>Interrogé</source>
        <translation>Interviewed</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="15"/>
        <source>Entretien arrêté</source>
        <translation>Interview stopped</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="16"/>
        <source>Opposé</source>
        <translation>Objected</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="16"/>
        <source>Ne plus contacter</source>
        <translation>Do not contact</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="16"/>
        <source>Effacé</source>
        <translation>Erased</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="23"/>
        <source>Brouillon</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="23"/>
        <source>Terminé, à envoyer</source>
        <translation>Completed, to send</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="24"/>
        <source>Envoi en cours</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="24"/>
        <source>Envoyé</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="25"/>
        <source>Envoyé et effacé</source>
        <translation>Sent and erased</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="25"/>
        <source>Opposition</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="26"/>
        <source>Abandonné</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="26"/>
        <source>Refusé par le serveur</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="27"/>
        <source>En conflit</source>
        <translation>In conflict</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="34"/>
        <source>Face à face</source>
        <translation>Face to face</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="34"/>
        <source>Téléphone</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="34"/>
        <source>Papier</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="35"/>
        <source>Groupe</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/labels.py" line="35"/>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="235"/>
        <source>Aucune étude sélectionnée</source>
        <translation>No study selected</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="244"/>
        <source>Identifiant %1, version %2</source>
        <translation>Identifier %1, version %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="259"/>
        <source>Rappels (%1)</source>
        <translation>Callbacks (%1)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="260"/>
        <source>Rappels</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="303"/>
        <source>Vérification de « %1 »…</source>
        <translation>Checking “%1”…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="306"/>
        <source>Étude « %1 » importée.</source>
        <translation>Study “%1” imported.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="306"/>
        <source>Étude « %1 » mise à jour.</source>
        <translation>Study “%1” updated.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="307"/>
        <source>Étude « %1 » déjà à jour : rien n&apos;a changé.</source>
        <translation>Study “%1” already up to date: nothing changed.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="312"/>
        <source>Étude importée.</source>
        <translation>Study imported.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="317"/>
        <source>« %1 » refusé : %2 problème(s) à corriger dans le fichier. Rien n&apos;a été importé.</source>
        <translation>
            <numerusform>“%1” refused: %2 problem to correct in the file. Nothing was imported.</numerusform>
            <numerusform>“%1” refused: %2 problems to correct in the file. Nothing was imported.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="354"/>
        <source>Échantillon importé.</source>
        <translation>Sample imported.</translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="71"/>
        <source>Personnes à interroger</source>
        <translation>People to interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="72"/>
        <source>Entretiens</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="73"/>
        <source>Rappels</source>
        <translation>Callbacks</translation>
    </message>
</context>
<context>
    <name>_RequestTab</name>
    <message>
        <location filename="../../etudes_desktop/gui/rights_tabs.py" line="67"/>
        <source>La demande a été refusée.</source>
        <translation>The request was refused.</translation>
    </message>
</context>
</TS>
