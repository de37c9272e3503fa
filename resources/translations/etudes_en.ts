<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="fr_FR">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../etudes_desktop/gui/controller.py" line="125" />
        <source>Nouvelle phrase de passe enregistrée.</source>
        <translation>New passphrase saved.</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="21" />
        <source>Coffre ouvert</source>
        <translation>Vault open</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="24" />
        <source>Vos études, les personnes à interroger et les entretiens s'afficheront ici.</source>
        <translation>Your studies, the people to interview and the interviews will appear here.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="40" />
        <source> — démonstration</source>
        <translation> — demo</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="57" />
        <source>&amp;Coffre</source>
        <translation>&amp;Vault</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="58" />
        <source>&amp;Verrouiller maintenant</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="61" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="72" />
        <source>Mode démonstration : données fictives</source>
        <translation>Demo mode: fictitious data</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="97" />
        <source>Coffre verrouillé</source>
        <translation>Vault locked</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/main_window.py" line="97" />
        <source>Coffre ouvert</source>
        <translation>Vault open</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <location filename="../../etudes_desktop/gui/unlock.py" line="93" />
        <source>Préparation du coffre de démonstration…</source>
        <translation>Preparing the demo vault…</translation>
    </message>
    <message>
        <location filename="../../etudes_desktop/gui/unlock.py" line="192" />
        <source>Vous pouvez réessayer.</source>
        <translation>You can try again.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="10" />
        <source>Coffre verrouillé</source>
        <translation>Vault locked</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="25" />
        <source>Les données des enquêtes sont chiffrées sur ce poste. Saisissez votre phrase de passe pour ouvrir le coffre.</source>
        <translation>Survey data are encrypted on this computer. Enter your passphrase to open the vault.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="31" />
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="42" />
        <source>Mode démonstration : la phrase de passe est %1</source>
        <translation>Demo mode: the passphrase is %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="64" />
        <source>Phrase de passe oubliée ?</source>
        <translation>Forgot your passphrase?</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="74" />
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="92" />
        <source>Saisissez le code de secours noté à la création du coffre, puis choisissez une nouvelle phrase de passe.</source>
        <translation>Enter the recovery code you wrote down when the vault was created, then choose a new passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="98" />
        <source>&amp;Code de secours</source>
        <translation>&amp;Recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="109" />
        <source>&amp;Nouvelle phrase de passe</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="120" />
        <source>C&amp;onfirmation de la nouvelle phrase de passe</source>
        <translation>C&amp;onfirm the new passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="150" />
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="158" />
        <source>Définir la nouvelle phrase de passe</source>
        <translation>Set the new passphrase</translation>
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
        <location filename="../../ui/vault_create.ui" line="25" />
        <source>Les réponses et les coordonnées des assurés sont chiffrées sur ce poste. Choisissez la phrase de passe qui ouvrira le coffre : au moins 12 caractères mêlant minuscules, majuscules, chiffres et symboles, 14 caractères de trois de ces sortes, 16 de deux sortes, ou une phrase de 7 mots.</source>
        <translation>The answers and contact details of insured people are encrypted on this computer. Choose the passphrase that will open the vault: at least 12 characters mixing lower case, upper case, digits and symbols, 14 characters of three of these kinds, 16 of two kinds, or a sentence of 7 words.</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="31" />
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="42" />
        <source>&amp;Confirmation de la phrase de passe</source>
        <translation>&amp;Confirm the passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="75" />
        <source>Créer le coffre</source>
        <translation>Create the vault</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="93" />
        <source>Voici votre code de secours. Il rouvre le coffre si la phrase de passe est oubliée. Il ne sera plus jamais affiché : recopiez-le à la main sur papier et rangez-le à l'écart de l'ordinateur.</source>
        <translation>Here is your recovery code. It reopens the vault if the passphrase is forgotten. It will never be shown again: copy it by hand on paper and keep it away from the computer.</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="106" />
        <source>&amp;Je l'ai noté</source>
        <translation>&amp;I have written it down</translation>
    </message>
    <message>
        <location filename="../../ui/vault_create.ui" line="116" />
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>VaultCreateScreen</name>
    <message>
        <location filename="../../etudes_desktop/gui/vault_create.py" line="97" />
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
</TS>