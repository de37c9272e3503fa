<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="fr_FR">
<context>
    <name>AcknowledgeField</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/widgets.py" line="256" />
        <source>OK, c'est noté</source>
        <translation>OK, noted</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="145" />
        <source>Coffre verrouillé après inactivité.</source>
        <translation>Vault locked after inactivity.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="148" />
        <source>Nouvelle phrase de passe enregistrée.</source>
        <translation>New passphrase saved.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="161" />
        <source>La langue choisie s'appliquera au prochain démarrage.</source>
        <translation>The chosen language will apply at the next start.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="167" />
        <source>Verrouillage automatique après %1 min d'inactivité.</source>
        <translation>Automatic lock after %1 min of inactivity.</translation>
    </message>
</context>
<context>
    <name>CallOutcomeDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="35" />
        <source>Appel sans entretien</source>
        <translation>Call without an interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="43" />
        <source>Issue de l'appel</source>
        <translation>Call outcome</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="54" />
        <source>Code AAPOR %1</source>
        <translation>AAPOR code %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="55" />
        <source>AAPOR %1</source>
        <translation>AAPOR %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="70" />
        <source>&amp;Rendez-vous le :</source>
        <translation>&amp;Appointment on:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="75" />
        <source>Un refus est définitif : la personne ne sera plus appelée pour cette étude.</source>
        <translation>A refusal is final: this person will not be called again for this study.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="84" />
        <source>&amp;Enregistrer l'appel</source>
        <translation>&amp;Save the call</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="86" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="118" />
        <source>Le rendez-vous doit être dans le futur.</source>
        <translation>The appointment must be in the future.</translation>
    </message>
</context>
<context>
    <name>CallbackList</name>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="155" />
        <source>Rappels prévus</source>
        <translation>Scheduled callbacks</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="165" />
        <source>Aucun rappel prévu.</source>
        <translation>No callback scheduled.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="166" />
        <source>&amp;Appeler cette personne</source>
        <translation>&amp;Call this person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/calls.py" line="185" />
        <source>  (en retard)</source>
        <translation>  (overdue)</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="28" />
        <source>Engagement de confidentialité</source>
        <translation>Confidentiality commitment</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="36" />
        <source>Engagement de confidentialité et de non-réexploitation des données</source>
        <translation>Commitment to confidentiality and to no reuse of the data</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="39" />
        <source>Étude : %1</source>
        <translation>Study: %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="41" />
        <source>Avant votre premier entretien pour cette étude, lisez et signez l'engagement exigé des prestataires.</source>
        <translation>Before your first interview for this study, read and sign the commitment required of contractors.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="48" />
        <source>J'ai lu cet engagement et je m'engage à le respecter</source>
        <translation>I have read this commitment and undertake to respect it</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="52" />
        <source>&amp;Signature (nom et prénom) :</source>
        <translation>&amp;Signature (first and last name):</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="54" />
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="59" />
        <source>&amp;Signer l'engagement</source>
        <translation>&amp;Sign the commitment</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/commitment.py" line="61" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CountersBar</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/counters.py" line="40" />
        <source>personnes à contacter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/counters.py" line="41" />
        <source>brouillons en cours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/counters.py" line="42" />
        <source>entretiens terminés</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/counters.py" line="43" />
        <source>en attente de synchronisation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EndView</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="39" />
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="49" />
        <source>Opposition enregistrée</source>
        <translation>Objection recorded</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="50" />
        <source>La personne a exercé son droit d'opposition : aucune question ne lui a été posée. Elle ne sera plus sollicitée pour cette étude et ses coordonnées ont été effacées.</source>
        <translation>The person exercised their right to object: no question was asked. They will not be contacted again for this study and their contact details have been erased.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="52" />
        <source>Entretien reporté</source>
        <translation>Interview postponed</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="53" />
        <source>La personne ne souhaite pas répondre maintenant : aucune réponse n'a été recueillie.</source>
        <translation>The person does not wish to answer now: no answer was collected.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="54" />
        <source>Entretien terminé</source>
        <translation>Interview completed</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="55" />
        <source>Les réponses sont enregistrées et verrouillées ; elles partiront à la prochaine synchronisation.</source>
        <translation>The answers are saved and locked; they will be sent at the next synchronisation.</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/widgets.py" line="89" />
        <source>✓ Enregistré</source>
        <translation>✓ Saved</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="22" />
        <source>Coffre ouvert</source>
        <translation>Vault open</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="25" />
        <source>Vos études, les personnes à interroger et les entretiens s'afficheront ici.</source>
        <translation>Your studies, the people to interview and the interviews will appear here.</translation>
    </message>
</context>
<context>
    <name>InterviewScreen</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/screen.py" line="140" />
        <source>Terminé le %1. Un entretien terminé ne peut plus être modifié.</source>
        <translation>Completed on %1. A completed interview can no longer be changed.</translation>
    </message>
</context>
<context>
    <name>InterviewsView</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="64" />
        <source>Tous les entretiens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="65" />
        <source>Brouillons</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="66" />
        <source>Terminés</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="67" />
        <source>À synchroniser</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="68" />
        <source>Oppositions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="69" />
        <source>Abandonnés</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="93" />
        <source>Reprendre le brouillon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="120" />
        <source>entretien</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/interviews_view.py" line="120" />
        <source>entretiens</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="43" />
        <source> — démonstration</source>
        <translation> — demo</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="60" />
        <source>&amp;Coffre</source>
        <translation>&amp;Vault</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="61" />
        <source>&amp;Verrouiller maintenant</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="64" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="74" />
        <source>&amp;Réglages</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="75" />
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="84" />
        <source>&amp;Verrouillage automatique</source>
        <translation>&amp;Automatic lock</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="88" />
        <source>Après %1 min d'inactivité</source>
        <translation>After %1 min of inactivity</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="105" />
        <source>Mode démonstration : données fictives</source>
        <translation>Demo mode: fictitious data</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="136" />
        <source>Aucun coffre</source>
        <translation>No vault yet</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="138" />
        <source>Coffre verrouillé</source>
        <translation>Vault locked</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="138" />
        <source>Coffre ouvert</source>
        <translation>Vault open</translation>
    </message>
</context>
<context>
    <name>NoticeGate</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="53" />
        <source>Mention d'information — avant toute question</source>
        <translation>Information notice — before any question</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="61" />
        <source>La mention a changé depuis le début de cet entretien : délivrez la nouvelle version et recueillez à nouveau la décision de la personne avant de continuer.</source>
        <translation>The notice has changed since this interview began: deliver the new version and record the person's decision again before continuing.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="72" />
        <source>Mention « %1 », version %2</source>
        <translation>Notice “%1”, version %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="89" />
        <source>Imprimer la mention (PDF) à remettre à la personne…</source>
        <translation>Print the notice (PDF) to hand to the person…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="101" />
        <source>Décision de la personne :</source>
        <translation>The person's decision:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="102" />
        <source>&amp;Accepte de répondre</source>
        <translation>&amp;Agrees to answer</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="104" />
        <source>S'&amp;oppose (droit d'opposition)</source>
        <translation>&amp;Objects (right to object)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="105" />
        <source>&amp;Pas maintenant</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="115" />
        <source>Aucune question ne sera posée ; la personne ne sera plus sollicitée pour cette étude et ses coordonnées seront effacées.</source>
        <translation>No question will be asked; the person will not be contacted again for this study and their contact details will be erased.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="119" />
        <source>&amp;Confirmer l'opposition</source>
        <translation>&amp;Confirm the objection</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="120" />
        <source>A&amp;nnuler</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="129" />
        <source>Lisez ce texte à la personne mot pour mot, sans le résumer ni le reformuler, avant toute question.</source>
        <translation>Read this text to the person word for word, without summarising or rephrasing it, before any question.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="132" />
        <source>Saisie d'un questionnaire papier : vérifiez que le formulaire papier portait cette mention, dans cette version, avant de saisir la moindre réponse.</source>
        <translation>Keying in a paper questionnaire: check that the paper form carried this notice, in this version, before keying in any answer.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="134" />
        <source>Tournez l'écran vers la personne et laissez-lui le temps de lire la mention. Vous pouvez aussi lui en remettre une copie imprimée.</source>
        <translation>Turn the screen towards the person and give them time to read the notice. You can also hand them a printed copy.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="139" />
        <source>J'ai lu la mention mot pour mot à la personne</source>
        <translation>I read the notice word for word to the person</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="141" />
        <source>Le questionnaire papier portait cette mention (version %1)</source>
        <translation>The paper questionnaire carried this notice (version %1)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="142" />
        <source>La personne a lu la mention à l'écran ou sur papier</source>
        <translation>The person read the notice on screen or on paper</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="189" />
        <source>Enregistrer la mention en PDF</source>
        <translation>Save the notice as PDF</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="191" />
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/notice_gate.py" line="197" />
        <source>Mention d'information</source>
        <translation>Information notice</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="118" />
        <source>Fermer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="136" />
        <source>… et %1 autre(s)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="19" />
        <source>Profil de l'enquêteur</source>
        <translation>Interviewer profile</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="27" />
        <source>Qui réalise les entretiens ?</source>
        <translation>Who conducts the interviews?</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="30" />
        <source>Le nom affiché est celui que vous annoncez aux personnes interrogées. Le pseudonyme est la seule identité de l'enquêteur transmise avec les entretiens lors de la synchronisation.</source>
        <translation>The displayed name is the one you give to the people you interview. The pseudonym is the only identity of the interviewer sent with the interviews when synchronising.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="35" />
        <source>ex. Claire Martin</source>
        <translation>e.g. Claire Martin</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="37" />
        <source>ex. ENQ-07</source>
        <translation>e.g. ENQ-07</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="38" />
        <source>&amp;Nom annoncé aux personnes :</source>
        <translation>&amp;Name given to people:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="39" />
        <source>&amp;Pseudonyme d'enquêteur :</source>
        <translation>Interviewer &amp;pseudonym:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="45" />
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/profile.py" line="47" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RespondentsView</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="53" />
        <source>Rechercher : nom, prénom, identifiant, commune ou téléphone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="89" />
        <source>Entretien sans personne désignée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="91" />
        <source>Commencer l'entretien</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="138" />
        <source>Tous les statuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="139" />
        <source>À contacter ou en cours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="152" />
        <source>Choisissez une étude à gauche, ou importez-en une.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="155" />
        <source>personne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="155" />
        <source>personnes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="158" />
        <source>%1 sur %2 personnes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="161" />
        <source>Aucune personne dans cette étude : importez l'échantillon (bouton « Importer un échantillon… »).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="164" />
        <source>Personne ne correspond à cette recherche.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/respondents_view.py" line="195" />
        <source>Cette personne ne doit pas être sollicitée (%1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="28" />
        <location filename="../../etudes_desktop/gui/interview/review.py" line="86" />
        <source>Relecture avant de terminer</source>
        <translation>Review before completing</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="33" />
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="33" />
        <source>Réponse</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="44" />
        <source>← &amp;Retour aux questions</source>
        <translation>← &amp;Back to the questions</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="45" />
        <source>&amp;Terminer l'entretien</source>
        <translation>&amp;Complete the interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="75" />
        <source>— sans réponse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="83" />
        <source>Entretien terminé (lecture seule)</source>
        <translation>Interview completed (read only)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="87" />
        <source>Vérifiez les réponses avec la personne. Entrée sur une ligne : revenir à cette question. Une fois terminé, l'entretien n'est plus modifiable.</source>
        <translation>Check the answers with the person. Enter on a line: go back to that question. Once completed, the interview can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/review.py" line="92" />
        <source>%1 question(s) à compléter avant de terminer.</source>
        <translation>%1 question(s) to complete before finishing.</translation>
    </message>
</context>
<context>
    <name>RunnerView</name>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="80" />
        <source>← Précédent (Page préc.)</source>
        <translation>← Previous (Page Up)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="81" />
        <source>Suivant (Entrée) →</source>
        <translation>Next (Enter) →</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="85" />
        <source>Entrée ou Tab : suivant · Maj+Tab ou Page préc. : retour · chiffres : choisir · Espace : cocher</source>
        <translation>Enter or Tab: next · Shift+Tab or Page Up: back · digits: choose · Space: tick</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="137" />
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/interview/runner.py" line="196" />
        <source>Corrigez ou complétez la page avant de continuer.</source>
        <translation>Correct or complete the page before continuing.</translation>
    </message>
</context>
<context>
    <name>SampleImportDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="61" />
        <source>Importer un échantillon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="76" />
        <source>Échantillon de l'étude « %1 »</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="81" />
        <source>Aucun fichier choisi (CSV ou XLSX).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="83" />
        <source>Choisir un fichier…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="87" />
        <source>Correspondance des colonnes (devinée d'après les en-têtes, modifiable) :</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="90" />
        <source>Colonne du fichier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="90" />
        <source>Devient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="94" />
        <source>Tout ou rien : si une ligne a un problème, rien n'est importé</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="95" />
        <source>Importer les lignes valides et lister les lignes rejetées</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="116" />
        <source>Vérifier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="117" />
        <source>Importer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="119" />
        <source>Fermer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="135" />
        <source>Choisir le fichier d'échantillon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="136" />
        <source>Fichiers d'échantillon (*.csv *.txt *.tsv *.xlsx *.xlsm);;Tous les fichiers (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="152" />
        <source>Fichier refusé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="155" />
        <source>%1 colonnes lues. Vérifiez la correspondance puis importez.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="195" />
        <source>Vérification…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="208" />
        <source>Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="219" />
        <source>Correspondance à corriger.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="244" />
        <source>Import : %1 lignes…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="246" />
        <source>Vérification : %1 lignes…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="256" />
        <source>%1 lignes vérifiées : %2 valides.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="259" />
        <source>%1 ligne(s) seront rejetées :</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="266" />
        <source>Lignes rejetées :</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="275" />
        <source>Fichier refusé : rien n'a été importé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="277" />
        <source>L'import a échoué : rien n'a été importé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="281" />
        <source>Fichier refusé : il contient un numéro de sécurité sociale (NIR), interdit. Rien n'a été importé. Retirez ces données puis recommencez :</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="284" />
        <source>Fichier refusé : rien n'a été importé. Corrigez ces lignes, ou choisissez « Importer les lignes valides » :</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/sample_import_dialog.py" line="295" />
        <source>… et %1 autre(s)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StartInterviewDialog</name>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="40" />
        <source>Nouvel entretien</source>
        <translation>New interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="48" />
        <source>Nouvel entretien — %1</source>
        <translation>New interview — %1</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="53" />
        <source>Rechercher par nom, n° d'échantillon ou commune</source>
        <translation>Search by name, sample number or town</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="55" />
        <source>&amp;Personne à interroger :</source>
        <translation>&amp;Person to interview:</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="60" />
        <source>Personne non nommée (panel, recrutement sur place)</source>
        <translation>Unnamed person (panel, on-the-spot recruitment)</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="69" />
        <source>Noter un appel &amp;sans entretien…</source>
        <translation>Record a call &amp;without an interview…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="70" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="71" />
        <source>&amp;Commencer l'entretien</source>
        <translation>&amp;Start the interview</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="81" />
        <source>Mode de recueil</source>
        <translation>Collection mode</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="145" />
        <source>Choisissez une personne dans la liste.</source>
        <translation>Choose a person from the list.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/start_interview.py" line="146" />
        <source>Aucune personne à contacter ne correspond.</source>
        <translation>No person to contact matches.</translation>
    </message>
</context>
<context>
    <name>StudiesPanel</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="25" />
        <source>Études</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="32" />
        <source>Aucune étude dans le coffre. Importez le questionnaire (XLSForm) ou le paquet d'étude reçu du responsable d'étude.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="36" />
        <source>Importer une étude…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="38" />
        <source>Importer un échantillon…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="57" />
        <source>Identifiant %1, version %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="72" />
        <source>%1 personnes · version %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/studies.py" line="74" />
        <source>close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StudyImporter</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="64" />
        <source>Importer une étude</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="65" />
        <source>Questionnaires et paquets d'étude (*.xlsx *.xls *.json);;Tous les fichiers (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/study_import.py" line="100" />
        <source>fichier illisible (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <location filename="../../etudes_desktop/gui/unlock.py" line="101" />
        <source>Préparation du coffre de démonstration…</source>
        <translation>Preparing the demo vault…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/unlock.py" line="201" />
        <source>Vous pouvez réessayer.</source>
        <translation>You can try again.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="10" />
        <source>Coffre verrouillé</source>
        <translation>Vault locked</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="24" />
        <source>Les données des enquêtes sont chiffrées sur ce poste. Saisissez votre phrase de passe pour ouvrir le coffre.</source>
        <translation>Survey data are encrypted on this computer. Enter your passphrase to open the vault.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="30" />
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="41" />
        <source>Mode démonstration : la phrase de passe est %1</source>
        <translation>Demo mode: the passphrase is %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="63" />
        <source>Phrase de passe oubliée ?</source>
        <translation>Forgot your passphrase?</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="73" />
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="93" />
        <source>Saisissez le code de secours noté à la création du coffre, puis choisissez une nouvelle phrase de passe.</source>
        <translation>Enter the recovery code you wrote down when the vault was created, then choose a new passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="99" />
        <source>&amp;Code de secours</source>
        <translation>&amp;Recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="110" />
        <source>&amp;Nouvelle phrase de passe</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="121" />
        <source>C&amp;onfirmation de la nouvelle phrase de passe</source>
        <translation>C&amp;onfirm the new passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="151" />
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="159" />
        <source>Définir la nouvelle phrase de passe</source>
        <translation>Set the new passphrase</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../etudes_desktop/gui/unlock.py" line="149" />
        <source>Phrase de passe oubliée</source>
        <translation>Forgotten passphrase</translation>
    </message>
</context>
<context>
    <name>VaultCreateForm</name>
    <message>
        <location filename="../../ui/vault_create.ui" line="10" />
        <source>Création du coffre chiffré</source>
        <translation>Creating the encrypted vault</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="24" />
        <source>Les réponses et les coordonnées des assurés sont chiffrées sur ce poste. Choisissez la phrase de passe qui ouvrira le coffre : au moins 12 caractères mêlant minuscules, majuscules, chiffres et symboles, 14 caractères de trois de ces sortes, 16 de deux sortes, ou une phrase de 7 mots.</source>
        <translation>The answers and contact details of insured people are encrypted on this computer. Choose the passphrase that will open the vault: at least 12 characters mixing lower case, upper case, digits and symbols, 14 characters of three of these kinds, 16 of two kinds, or a sentence of 7 words.</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="30" />
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="41" />
        <source>&amp;Confirmation de la phrase de passe</source>
        <translation>&amp;Confirm the passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="74" />
        <source>Créer le coffre</source>
        <translation>Create the vault</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="94" />
        <source>Voici votre code de secours. Il rouvre le coffre si la phrase de passe est oubliée. Il ne sera plus jamais affiché : recopiez-le à la main sur papier et rangez-le à l'écart de l'ordinateur.</source>
        <translation>Here is your recovery code. It reopens the vault if the passphrase is forgotten. It will never be shown again: copy it by hand on paper and keep it away from the computer.</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="107" />
        <source>&amp;Je l'ai noté</source>
        <translation>&amp;I have written it down</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="117" />
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>VaultCreateScreen</name>
    <message>
        <location filename="../../etudes_desktop/gui/vault_create.py" line="96" />
        <source>Code de secours</source>
        <translation>Recovery code</translation>
    </message>
</context>
<context>
    <name>VaultMessages</name>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="17" />
        <source>Phrase de passe incorrecte.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="18" />
        <source>Code de secours incorrect.</source>
        <translation>Wrong recovery code.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="19" />
        <source>Aucun coffre n'existe dans ce dossier.</source>
        <translation>There is no vault in this folder.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="20" />
        <source>Un coffre existe déjà dans ce dossier.</source>
        <translation>A vault already exists in this folder.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="21" />
        <source>Ce coffre a été écrit par une version plus récente de l'application : mettez-la à jour.</source>
        <translation>This vault was written by a newer version of the application: please update it.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="22" />
        <source>Le fichier des clés du coffre est introuvable. Contactez votre responsable d'étude.</source>
        <translation>The vault's key file is missing. Contact your study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="23" />
        <source>Le fichier des clés du coffre a été modifié. Contactez votre responsable d'étude.</source>
        <translation>The vault's key file has been altered. Contact your study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="24" />
        <source>Le coffre est endommagé. Contactez votre responsable d'étude.</source>
        <translation>The vault is damaged. Contact your study manager.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="27" />
        <source>Ce code de secours est mal saisi : vérifiez chaque groupe de quatre caractères.</source>
        <translation>This recovery code is mistyped: check each group of four characters.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="34" />
        <source>L'opération sur le coffre a échoué.</source>
        <translation>The vault operation failed.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="39" />
        <source>Trop d'essais infructueux. Nouvel essai possible dans %1 s.</source>
        <translation>Too many failed attempts. You can try again in %1 s.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="63" />
        <source>Saisissez-la une seconde fois pour confirmer.</source>
        <translation>Type it a second time to confirm.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="65" />
        <source>Les deux saisies diffèrent.</source>
        <translation>The two entries differ.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="66" />
        <source>Les deux saisies concordent.</source>
        <translation>Both entries match.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="83" />
        <source>Phrase de passe conforme.</source>
        <translation>The passphrase meets the policy.</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/messages.py" line="84" />
        <source>Trop faible. Sont acceptés : 12 caractères mêlant minuscules, majuscules, chiffres et symboles ; 14 caractères de trois de ces sortes ; 16 de deux sortes ; ou une phrase de 7 mots.</source>
        <translation>Too weak. Accepted: 12 characters mixing lower case, upper case, digits and symbols; 14 characters of three of these kinds; 16 of two kinds; or a sentence of 7 words.</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="183" />
        <source>Aucune étude sélectionnée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="191" />
        <source>Identifiant %1, version %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="232" />
        <source>Vérification de « %1 »…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="235" />
        <source>Étude « %1 » importée.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="235" />
        <source>Étude « %1 » mise à jour.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="236" />
        <source>Étude « %1 » déjà à jour : rien n'a changé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="241" />
        <source>Étude importée.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="246" />
        <source>« %1 » refusé : %2 problème(s) à corriger dans le fichier. Rien n'a été importé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="271" />
        <source>Échantillon importé.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="64" />
        <source>Personnes à interroger</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/views/workspace.py" line="65" />
        <source>Entretiens</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>