; The Windows installer of Photon Setup (Inno Setup 6). packaging\windows\build.ps1 builds the
; folder dist\photon-setup\ first, then runs
;   ISCC.exe /DAppVersion=VERSION packaging\windows\photon-setup.iss
; Paths are relative to this file. It installs for the current user, without administrator
; rights, unless the person chooses all users; nothing is written outside the install folder
; but the Start menu entry (and a desktop icon if chosen).

#ifndef AppVersion
  #error Give the version: ISCC.exe /DAppVersion=1.2.3 photon-setup.iss
#endif
#define AppName "Photon Setup"
#define AppExe "photon-setup.exe"
#define Bundle "..\..\dist\photon-setup"

[Setup]
; The installer's identity across versions: never change it (upgrades and uninstall need it).
AppId={{2CDF7DBE-46B1-4D29-BACF-674333802F58}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Photon Setup developers
AppPublisherURL=https://github.com/photon-setup/photon-setup
AppSupportURL=https://github.com/photon-setup/photon-setup/issues
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; Qt 6 runs on 64-bit Windows 10 (1809) and 11.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=Photon-Setup-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[InstallDelete]
; An upgrade replaces the whole bundle: files an older version had must not linger beside it.
Type: filesandordirs; Name: "{app}\_internal"
