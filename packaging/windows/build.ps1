# Windows: dist\photon-setup\ (photon-setup.exe, the wizard without a console window, and
# setup-wizard.exe, the same app with a console for the commands: simulate, onboard) and
# dist\Photon-Setup-VERSION-setup.exe, an Inno Setup installer of that folder. Built from a
# fresh virtual environment with the one spec of all three systems.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs Python 3.11+ for x64 (python.org's installer, with the "py" launcher) and Inno Setup 6
# (ISCC.exe on PATH or in its default folder).
#
# Signing, optional (see packaging\README.md): set WINDOWS_SIGN_CERT_SHA1 to the thumbprint
# of a code-signing certificate in your certificate store (or on its token); signtool.exe
# (Windows SDK) signs both executables and the installer. WINDOWS_SIGN_TIMESTAMP_URL names
# the timestamp server (default: DigiCert's).

$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Native {
    # PowerShell does not stop on a failing program: check its exit code.
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

function Invoke-Signing {
    param([string[]]$Files)
    if (-not $env:WINDOWS_SIGN_CERT_SHA1) {
        Write-Host "not signed (WINDOWS_SIGN_CERT_SHA1 is not set): $($Files -join ', ')"
        return
    }
    $timestamp = if ($env:WINDOWS_SIGN_TIMESTAMP_URL) { $env:WINDOWS_SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    Invoke-Native "signtool.exe" (@("sign", "/sha1", $env:WINDOWS_SIGN_CERT_SHA1, "/fd", "sha256",
        "/tr", $timestamp, "/td", "sha256") + $Files)
    Invoke-Native "signtool.exe" (@("verify", "/pa") + $Files)
}

$venv = "build\venv-windows"
$python = "$venv\Scripts\python.exe"
Invoke-Native "py" @("-3", "-m", "venv", "--clear", $venv)
Invoke-Native $python @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Native $python @("-m", "pip", "install", "--quiet", ".[dist]")
$version = (& $python -c "import setup_wizard; print(setup_wizard.__version__)").Trim()

if (Test-Path "dist\photon-setup") { Remove-Item -Recurse -Force "dist\photon-setup" }
Invoke-Native "$venv\Scripts\pyinstaller.exe" @("--noconfirm", "--clean", "--distpath", "dist",
    "--workpath", "build\pyinstaller", "packaging\pyinstaller\photon-setup.spec")

# The bundle runs on its own.
Invoke-Native "dist\photon-setup\setup-wizard.exe" @("--version")
Invoke-Signing @("dist\photon-setup\photon-setup.exe", "dist\photon-setup\setup-wizard.exe")

$iscc = (Get-Command "ISCC.exe" -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 is not installed (ISCC.exe not found)" }
Invoke-Native $iscc @("/Qp", "/DAppVersion=$version", "packaging\windows\photon-setup.iss")
$installer = "dist\Photon-Setup-$version-setup.exe"
Invoke-Signing @($installer)
Write-Host $installer
