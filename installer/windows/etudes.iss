; Inno Setup 6 script of the interviewers' application on Windows.
;
; Input: the PyInstaller folder built on Windows by installer/etudes.spec (build\dist\etudes-desktop).
; Build (the installers workflow does this, reading name and version from the package):
;   iscc /DAppVersion=0.1.0 installer\windows\etudes.iss
; Output: build\dist\etudes-terrain-<version>-setup.exe
;
; The icon etudes.ico is made from resources/icons/etudes.png by the workflow (Pillow) before iscc.
;
; Per-user install: no administrator rights, into %LOCALAPPDATA%\Programs\Études terrain, with a
; Start-menu entry. The interviewer's data (the encrypted vault, its key slots, settings, logs,
; the demo folder) lives apart, in %LOCALAPPDATA%\EtudesTerrain\etudes_desktop (platformdirs, see
; etudes_desktop/paths.py). On uninstall the user chooses whether to keep it (the default) or
; delete it; a silent uninstall keeps it unless /PURGEDATA is given.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef AppName
  #define AppName "Études terrain"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\etudes-desktop"
#endif
#define AppExe "etudes-desktop.exe"
; etudes_desktop.APP_AUTHOR and APP_ID: platformdirs.user_data_dir(APP_ID, APP_AUTHOR)
#define DataFolder "{localappdata}\EtudesTerrain\etudes_desktop"

[Setup]
; Never change AppId: Windows finds the installed version (upgrade, uninstall) by it.
AppId={{BB3F6D8C-B546-4AD9-94A6-92A3B66F8BD4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Études terrain
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\build\dist
OutputBaseFilename=etudes-terrain-{#AppVersion}-setup
SetupIconFile=etudes.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.DesktopIcon=Créer une icône sur le Bureau
english.DesktopIcon=Create a desktop icon
french.LaunchApp=Lancer {#AppName}
english.LaunchApp=Launch {#AppName}
french.KeepOrDelete=Les données de l'application sont dans :%n%1%n%nElles comprennent le coffre chiffré des entretiens. Un entretien qui n'a pas encore été synchronisé avec le serveur de collecte serait perdu.%n%nSupprimer aussi ces données ?%n%nOui : les supprimer définitivement.%nNon : les conserver (une réinstallation les retrouvera).
english.KeepOrDelete=The application's data is in:%n%1%n%nIt includes the encrypted vault of the interviews. An interview not yet synchronised with the collection server would be lost.%n%nDelete this data as well?%n%nYes: delete it for good.%nNo: keep it (a new installation will find it again).
french.DataKept=Les données ont été conservées dans :%n%1
english.DataKept=The data has been kept in:%n%1

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the bundle whole: no library of an older version stays beside the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
function PurgeRequested(): Boolean;
begin
  Result := Pos('/PURGEDATA', Uppercase(GetCmdTail())) > 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
  Purge: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  DataDir := ExpandConstant('{#DataFolder}');
  if not DirExists(DataDir) then
    Exit;
  if UninstallSilent() then
    Purge := PurgeRequested()
  else
    { No is the default button: data is deleted only when the user says so. }
    Purge := MsgBox(FmtMessage(CustomMessage('KeepOrDelete'), [DataDir]), mbConfirmation,
                    MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if Purge then
  begin
    DelTree(DataDir, True, True, True);
    { the vendor folder too, when nothing else of ours is left in it }
    RemoveDir(ExtractFileDir(DataDir));
  end
  else if not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
end;
