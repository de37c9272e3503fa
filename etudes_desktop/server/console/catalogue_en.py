"""English texts of the console, keyed by their French original (see i18n)."""

CATALOGUE: dict[str, str] = {
    # results
    "Résultats": "Results",
    "Résultats agrégés": "Aggregated results",
    "Des effectifs seulement, jamais une réponse ni une personne : toute case de moins de {n} personnes est masquée, ainsi que les cases qui permettraient de la retrouver par les totaux ; chaque tableau est vérifié par un attaquant avant d'être servi.":
        "Counts only, never an answer or a person: every cell of fewer than {n} people is hidden, and so are the cells that would give it back through the totals; each table is checked by an attacker before it is served.",
    "Télécharger": "Download",
    "Des résultats par groupe, jamais une réponse individuelle : chaque tableau est protégé avant d'être servi.":
        "Results by group, never an individual answer: every table is protected before it is served.",
    "Aperçu": "Preview",
    "Livrée le {date}": "Delivered on {date}",
    "En cours de collecte": "Collecting",
    "Voir les tableaux": "See the tables",
    "Les tableaux protégés de chaque étude, à vérifier avant de livrer (CSV, XLSX, PDF, JSON)":
        "Each study's protected tables, to check before delivering (CSV, XLSX, PDF, JSON)",
    "Entretiens complets : {n}. Seuil de diffusion : {t} ; « < {t} » : case masquée sous le seuil, « s » : masquée pour protéger une autre case.":
        "Completed interviews: {n}. Publication threshold: {t}; “< {t}”: cell hidden below the threshold, “s”: hidden to protect another cell.",
    "Télécharger en {f}": "Download as {f}",
    "par": "by",
    "Mode de collecte": "Collection mode",
    "Tranche d'âge": "Age band",
    "Sexe": "Sex",
    "Région": "Region",
    "Département": "Département",
    "Profession": "Occupation",
    "Total": "Total",
    "Résultats indisponibles": "Results unavailable",
    "Format inconnu : CSV, XLSX, PDF ou JSON.": "Unknown format: CSV, XLSX, PDF or JSON.",
    "Résultats agrégés téléchargés": "Aggregated results downloaded",
    # layout
    "Bureau de collecte": "Collection office",
    "Aller au contenu": "Skip to content",
    "Navigation principale": "Main navigation",
    "Accueil": "Home",
    "Études": "Studies",
    "Appareils": "Devices",
    "Journal": "Journal",
    "Mot de passe": "Password",
    "Se déconnecter": "Sign out",
    "Retour à l'accueil": "Back to home",
    # roles
    "Responsable d'étude": "Study manager",
    "Délégué à la protection des données": "Data protection officer",
    "Assureur": "Insurer",
    # login
    "Connexion": "Sign in",
    "Adresse électronique": "E-mail address",
    "Se connecter": "Sign in",
    "Adresse ou mot de passe incorrect.": "Wrong address or password.",
    "Trop de tentatives : réessayez dans {seconds} s.": "Too many attempts: try again in {seconds} s.",
    "Session expirée après 30 minutes d'inactivité : reconnectez-vous.":
        "Session expired after 30 minutes without activity: please sign in again.",
    "Vous êtes déconnecté.": "You are signed out.",
    "Connexion locale non chiffrée : hors de cet ordinateur, la console exige HTTPS.":
        "Unencrypted local connection: beyond this computer, the console requires HTTPS.",
    # refusals and errors
    "Accès refusé": "Access denied",
    "Votre rôle ({role}) ne donne pas accès à cette page.": "Your role ({role}) does not give access to this page.",
    "Formulaire expiré ou invalide : rechargez la page et recommencez.":
        "Expired or invalid form: reload the page and try again.",
    "Formulaire trop volumineux ou illisible.": "Form too large or unreadable.",
    "Page introuvable": "Page not found",
    "Cette adresse ne correspond à aucune page de la console.": "This address matches no page of the console.",
    "Méthode non autorisée": "Method not allowed",
    "Cette page ne s'utilise pas ainsi.": "This page is not used that way.",
    "Erreur interne": "Internal error",
    "Une erreur inattendue est survenue : réessayez ; si elle persiste, prévenez l'administrateur du serveur.":
        "An unexpected error occurred: try again; if it persists, tell the server's administrator.",
    "Service indisponible": "Service unavailable",
    "La base de données ne répond pas : réessayez dans quelques instants.":
        "The database does not answer: try again in a few moments.",
    "Erreur": "Error",
    "La demande n'a pas pu aboutir.": "The request could not be completed.",
    # home
    "Vous êtes connecté avec le rôle « {role} ».": "You are signed in with the role “{role}”.",
    "Publiées : {count} · ouvertes : {open}": "Published: {count} · open: {open}",
    "Actifs : {count}": "Active: {count}",
    "Publier un questionnaire XLSForm, ses versions, clore une étude":
        "Publish an XLSForm questionnaire, its versions, close a study",
    "Inscrire, renommer, révoquer les ordinateurs des enquêteurs": "Enrol, rename, revoke the interviewers' laptops",
    "Qui a fait quoi, et quand, dans le bureau de collecte (sans donnée personnelle)":
        "Who did what, and when, in the collection office (no personal data)",
    "Livrable agrégé": "Aggregated deliverable",
    "Le livrable agrégé de vos études apparaîtra ici dès sa livraison : des résultats par groupe, jamais une réponse individuelle.":
        "The aggregated deliverable of your studies will appear here once delivered: results by group, never an "
        "individual answer.",
    # password
    "Changer de mot de passe": "Change password",
    "Mot de passe actuel": "Current password",
    "Nouveau mot de passe": "New password",
    "Confirmer le nouveau mot de passe": "Confirm the new password",
    "Changer le mot de passe": "Change the password",
    "Mot de passe actuel incorrect.": "Wrong current password.",
    "Les deux saisies du nouveau mot de passe diffèrent.": "The two entries of the new password differ.",
    "Le nouveau mot de passe doit différer de l'actuel.": "The new password must differ from the current one.",
    "Mot de passe trop faible.": "Password too weak.",
    "Au moins 12 caractères avec minuscules, majuscules, chiffres et caractères spéciaux, ou 14 avec trois de ces types, ou 16 avec deux, ou une phrase d'au moins 7 mots.":
        "At least 12 characters with lower case, upper case, digits and special characters, or 14 with three of "
        "these kinds, or 16 with two, or a sentence of at least 7 words.",
    "Mot de passe changé ; vos autres sessions sont fermées.": "Password changed; your other sessions are closed.",
    # journal
    "Journal du bureau de collecte": "Journal of the collection office",
    "Les 300 dernières actions : qui, quoi, quand. Aucune donnée de répondant n'y figure.":
        "The last 300 actions: who, what, when. No respondent data appears here.",
    "Date": "Date",
    "Compte": "Account",
    "Action": "Action",
    "Objet": "Object",
    "Journal vide.": "Empty journal.",
    "ligne de commande": "command line",
    "Connexion réussie": "Signed in",
    "Déconnexion": "Signed out",
    "Échec de connexion": "Failed sign-in",
    "Connexion retardée (trop d'échecs)": "Sign-in delayed (too many failures)",
    "Session expirée": "Session expired",
    "Mot de passe changé": "Password changed",
    "Compte créé": "Account created",
    "Compte désactivé": "Account disabled",
    "Étude publiée": "Study published",
    "Étude close": "Study closed",
    "Appareil inscrit": "Device enrolled",
    "Appareil renommé": "Device renamed",
    "Appareil révoqué": "Device revoked",
    # studies
    "Études publiées": "Published studies",
    "Les ordinateurs des enquêteurs reçoivent l'étude de leur inscription à chaque synchronisation ; une nouvelle version sert aux nouveaux entretiens, sans réinstallation.":
        "The interviewers' laptops receive the study they are enrolled for at every sync; a new version serves the "
        "new interviews, without reinstalling.",
    "Publier un questionnaire": "Publish a questionnaire",
    "Fichier XLSForm (.xlsx, .xls) ou paquet d'étude (.json)": "XLSForm file (.xlsx, .xls) or study package (.json)",
    "Le fichier est vérifié comme sur l'ordinateur de l'enquêteur (« etudes study check ») : chaque problème est donné avec sa feuille, sa ligne et sa colonne. La version est celle de la feuille settings.":
        "The file is checked as on the interviewer's laptop (“etudes study check”): each problem is given with its "
        "sheet, row and column (messages in French). The version is the one of the settings sheet.",
    "Vérifier et publier": "Check and publish",
    "Problèmes trouvés dans {name}": "Problems found in {name}",
    "Feuille": "Sheet",
    "Ligne": "Row",
    "Colonne": "Column",
    "Problème": "Problem",
    "Étude": "Study",
    "Version courante": "Current version",
    "Versions": "Versions",
    "Version": "Version",
    "Notice": "Notice",
    "Publiée le": "Published on",
    "État": "State",
    "Ouverte": "Open",
    "Close": "Closed",
    "Aucune étude publiée pour l'instant.": "No study published yet.",
    "Aucune étude publiée ne porte cet identifiant.": "No published study has this identifier.",
    "Identifiant": "Identifier",
    "depuis le {when}": "since {when}",
    "Appareils actifs": "Active devices",
    "Par": "By",
    "Notice (empreinte SHA-256)": "Notice (SHA-256 fingerprint)",
    "Fichier": "File",
    "Clore l'étude": "Close the study",
    "Une étude close ne reçoit plus de nouvelle version et les ordinateurs n'y commencent plus d'entretien après leur prochaine synchronisation ; les entretiens déjà faits sont encore reçus. La clôture est définitive.":
        "A closed study takes no new version and the laptops start no interview in it after their next sync; the "
        "interviews already made are still received. Closing is final.",
    "Je confirme la clôture de cette étude": "I confirm closing this study",
    "Clore l'étude aux nouveaux entretiens": "Close the study to new interviews",
    "Étude {study} publiée (version {version}). Les ordinateurs inscrits la recevront à leur prochaine synchronisation.":
        "Study {study} published (version {version}). The enrolled laptops will receive it at their next sync.",
    "Nouvelle version {version} de l'étude {study} publiée : les ordinateurs l'utiliseront pour les nouveaux entretiens dès leur prochaine synchronisation.":
        "New version {version} of study {study} published: the laptops will use it for new interviews from their "
        "next sync.",
    "La version {version} de l'étude {study} est déjà publiée à l'identique : rien n'a changé.":
        "Version {version} of study {study} is already published, identical: nothing changed.",
    "Étude close : les ordinateurs ne commenceront plus d'entretien après leur prochaine synchronisation.":
        "Study closed: the laptops will start no more interviews after their next sync.",
    "Cochez la case de confirmation pour clore l'étude.": "Tick the confirmation box to close the study.",
    "Choisissez un fichier XLSForm (.xlsx, .xls) ou un paquet d'étude (.json).":
        "Choose an XLSForm file (.xlsx, .xls) or a study package (.json).",
    "Fichier d'étude téléchargé": "Study file downloaded",
    # devices
    "Chaque ordinateur d'enquêteur envoie ses entretiens avec son propre jeton, inscrit pour une étude. Révoquer un appareil perdu ou volé lui ferme le serveur.":
        "Each interviewer's laptop sends its interviews with its own token, enrolled for one study. Revoking a lost or "
        "stolen device shuts the server to it.",
    "Inscrire un appareil": "Enrol a device",
    "Nom de l'appareil": "Device name",
    "ex. portable-07": "e.g. laptop-07",
    "Inscrire et afficher le jeton": "Enrol and show the token",
    "Publiez d'abord une étude : un appareil s'inscrit pour une étude publiée et ouverte.":
        "Publish a study first: a device is enrolled for a published, open study.",
    "Nom": "Name",
    "Inscrit le": "Enrolled on",
    "Dernier envoi": "Last batch",
    "jamais": "never",
    "Actif": "Active",
    "Révoqué": "Revoked",
    "Actions": "Actions",
    "Nouveau nom de {name}": "New name of {name}",
    "Renommer": "Rename",
    "Révoquer": "Revoke",
    "Révoquer {name}": "Revoke {name}",
    "révoqué le {when}": "revoked on {when}",
    "Aucun appareil inscrit.": "No device enrolled.",
    "Appareil renommé.": "Device renamed.",
    "Appareil révoqué : à sa prochaine connexion, il enverra ce qu'il détient puis détruira ses données de l'étude ; son jeton ne servira plus ensuite.": "Device revoked: at its next connection it will send what it holds, then destroy its study data; its token will then be of no further use.",
    "Nom d'appareil : de 1 à 200 caractères, sans caractère de contrôle.":
        "Device name: 1 to 200 characters, no control character.",
    "Choisissez une étude publiée et ouverte.": "Choose a published, open study.",
    "Appareil inconnu.": "Unknown device.",
    "Cet appareil est déjà révoqué.": "This device is already revoked.",
    "Jeton de l'appareil": "Device token",
    "Jeton de l'appareil en code QR": "The device token as a QR code",
    "Appareil « {name} » inscrit": "Device “{name}” enrolled",
    "Ce jeton n'est affiché qu'une fois : le serveur n'en garde que l'empreinte. Saisissez-le maintenant sur l'ordinateur, puis fermez cette page.":
        "This token is shown only once: the server keeps only its fingerprint. Enter it on the laptop now, then close "
        "this page.",
    "Adresse du serveur": "Server address",
    "Jeton": "Token",
    "Sur l'ordinateur : Synchronisation → Réglages du serveur, ou « etudes sync --token-file FICHIER ».":
        "On the laptop: Synchronisation → Server settings, or “etudes sync --token-file FILE”.",
    # sample (case management)
    "Échantillon": "Sample",
    "Échantillon importé": "Sample imported",
    "Importer et attribuer les personnes": "Import and assign the people",
    "Le fichier de l'assureur est vérifié comme sur l'ordinateur de l'enquêteur (aucun numéro de sécurité sociale, règles des champs, doublons, liste d'opposition) puis gardé chiffré sur le serveur. Chaque ordinateur ne reçoit que les personnes qui lui sont attribuées. Cette page ne montre que des effectifs, jamais une personne.":
        "The insurer's file is checked as on the interviewer's laptop (no social security number, field rules, "
        "duplicates, objection list), then kept encrypted on the server. Each laptop receives only the people "
        "assigned to it. This page shows counts only, never a person.",
    "Problèmes trouvés dans le fichier": "Problems found in the file",
    "en-tête": "header",
    "Effectifs": "Counts",
    "Personnes": "People",
    "À joindre": "To contact",
    "Dont non attribuées": "Of which unassigned",
    "Entretiens faits": "Interviews done",
    "Oppositions": "Objections",
    "Fichiers importés": "Files imported",
    "Par appareil": "By device",
    "Appareil": "Device",
    "Non attribuées": "Unassigned",
    "Aucune personne importée pour l'instant.": "No one imported yet.",
    "Par département": "By département",
    "inconnu": "unknown",
    "Importer un fichier d'échantillon": "Import a sample file",
    "Fichier de l'assureur (.csv, .xlsx)": "The insurer's file (.csv, .xlsx)",
    "Import partiel : importer les lignes valides, rejeter les autres (un numéro de sécurité sociale refuse toujours tout le fichier)":
        "Partial import: import the valid rows, reject the others (a social security number always refuses the "
        "whole file)",
    "Vérifier et importer": "Check and import",
    "Attribuer des personnes à un appareil": "Assign people to a device",
    "Appareil destinataire": "Receiving device",
    "Nombre de personnes": "Number of people",
    "Département (facultatif)": "Département (optional)",
    "ex. 75, 2A, 971": "e.g. 75, 2A, 971",
    "Prendre chez": "Take from",
    "les personnes non attribuées": "the unassigned people",
    "Ou, à la main : identifiants d'échantillon": "Or, by hand: sample ids",
    "Séparés par des virgules ou des retours à la ligne. Une personne déjà attribuée à un autre appareil y est déplacée, sauf si son dossier est clos ; l'ancien ordinateur la retire à sa prochaine synchronisation, sauf entretien en cours.":
        "Separated by commas or line breaks. A person already assigned to another device moves here, unless their "
        "case is closed; the old laptop drops them at its next sync, unless an interview is under way.",
    "Attribuer": "Assign",
    "Inscrivez d'abord un appareil pour cette étude.": "Enrol a device for this study first.",
    "Attribution enregistrée : les ordinateurs la recevront à leur prochaine synchronisation.":
        "Assignment saved: the laptops will receive it at their next sync.",
    "Fichier importé. Lignes lues : {rows} ; personnes importées : {imported} ; lignes rejetées : {rejected} ; personnes ignorées (liste d'opposition) : {suppressed}.":
        "File imported. Rows read: {rows}; people imported: {imported}; rows rejected: {rejected}; people skipped "
        "(objection list): {suppressed}.",
    "Fichier refusé : rien n'a été importé. Corrigez les lignes ci-dessous puis recommencez.":
        "File refused: nothing was imported. Fix the rows below, then try again.",
    "Choisissez un fichier d'échantillon (.csv ou .xlsx).": "Choose a sample file (.csv or .xlsx).",
    "Fichier .csv ou .xlsx attendu.": "A .csv or .xlsx file is expected.",
    "Personnes attribuées à l'appareil « {device} » : {assigned}.": "People assigned to device “{device}”: {assigned}.",
    "Personnes laissées où elles étaient, leur dossier étant clos (opposition ou entretien fait) : {n}.":
        "People left where they were, their case being closed (objection or interview done): {n}.",
    "Identifiants inconnus dans l'étude ({n}) :": "Ids unknown in the study ({n}):",
    "Indiquez un nombre de personnes (au moins 1), ou des identifiants d'échantillon.":
        "Give a number of people (at least 1), or sample ids.",
    "Personnes attribuées à un appareil": "People assigned to a device",
    "Personnes attribuées à la main": "People assigned by hand",
    "Dossiers détruits (conservation)": "Cases destroyed (retention)",
    "Réunions de groupe": "Focus groups",
    "Réunions tenues et participants": "Sessions held and participants",
    "Les réunions closes et synchronisées par les animateurs. Chaque participant y est un pseudonyme (P1, P2…) : cette page ne montre que des effectifs.":
        "Sessions closed and synced by their moderators. Each participant is a pseudonym (P1, P2…): this page shows counts only.",
    "Réunions tenues": "Sessions held",
    "Réunions tenues et participants par réunion": "Sessions held and participants per session",
    "Animateur": "Moderator",
    "Invités": "Invited",
    "Présents": "Present",
    "Dont sans invitation": "Of whom without invitation",
    "Acceptent": "Accept",
    "S'opposent": "Object",
    "Notes": "Notes",
    "Aucune réunion reçue pour l'instant.": "No session received yet.",
    "Questions à main levée, toutes réunions": "Questions by a show of hands, all sessions",
    "Réponse": "Answer",
    "Mains levées": "Hands raised",
}
