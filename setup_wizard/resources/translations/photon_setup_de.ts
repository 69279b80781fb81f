<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>BusyRow</name>
    <message>
        <source>Working</source>
        <translation>Wird bearbeitet</translation>
    </message>
</context>
<context>
    <name>ChooseWifiPage</name>
    <message>
        <source>Choose your Wi-Fi</source>
        <translation>WLAN auswählen</translation>
    </message>
    <message>
        <source>These are the networks your Photon can see, strongest first.</source>
        <translation>Diese WLANs sieht Ihr Photon, das stärkste zuerst.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Wi-Fi networks the Photon can see</source>
        <translation>WLANs, die der Photon sieht</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>&amp;Erneut suchen</translation>
    </message>
    <message>
        <source>My network is &amp;hidden or not in the list</source>
        <translation>Mein WLAN ist &amp;versteckt oder fehlt in der Liste</translation>
    </message>
    <message>
        <source>Network name</source>
        <translation>Netzwerkname</translation>
    </message>
    <message>
        <source>Network &amp;name:</source>
        <translation>Netzwerk&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>&amp;Sicherheit:</translation>
    </message>
    <message>
        <source>Type the name of the Wi-Fi network the Photon should join.</source>
        <translation>Geben Sie den Namen des WLANs ein, mit dem sich der Photon verbinden soll.</translation>
    </message>
    <message>
        <source>These are the networks this computer sees, strongest first; the Photon joins 2.4 GHz networks only.</source>
        <translation>Das sind die WLANs, die dieser Computer sieht, das stärkste zuerst; der Photon verbindet sich nur mit 2,4-GHz-Netzwerken.</translation>
    </message>
    <message>
        <source>Wi-Fi networks this computer sees</source>
        <translation>WLANs, die dieser Computer sieht</translation>
    </message>
    <message>
        <source>If the Photon does not see this network itself, it uses the security chosen here. It joins 2.4 GHz networks only.</source>
        <translation>Sieht der Photon dieses WLAN nicht selbst, verwendet er die hier gewählte Sicherheit. Er verbindet sich nur mit 2,4-GHz-Netzwerken.</translation>
    </message>
    <message>
        <source>The Photon must be able to see the network: it finds only 2.4 GHz networks within range, and a hidden WPA network usually cannot be used.</source>
        <translation>Der Photon muss das WLAN sehen können: Er findet nur 2,4-GHz-Netzwerke in Reichweite, und ein verstecktes WPA-Netzwerk lässt sich meist nicht verwenden.</translation>
    </message>
    <message>
        <source>Signal: %1 of 4 bars, channel %2</source>
        <translation>Signal: %1 von 4 Balken, Kanal %2</translation>
    </message>
    <message>
        <source>Signal: %1 of 4 bars</source>
        <translation>Signal: %1 von 4 Balken</translation>
    </message>
    <message>
        <source>Enterprise networks are not supported.</source>
        <translation>Enterprise-Netzwerke werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>The Photon could not join “%s”: the password was probably wrong. Choose the network and enter its password again.</source>
        <translation>Der Photon konnte sich nicht mit „%s“ verbinden: Das Passwort war wahrscheinlich falsch. Wählen Sie das WLAN aus und geben Sie sein Passwort erneut ein.</translation>
    </message>
    <message>
        <source>This device should join “%s”, but this computer does not see that network. If it is hidden, type its name; or choose another network.</source>
        <translation>Dieses Gerät soll sich mit „%s“ verbinden, aber dieser Computer sieht dieses WLAN nicht. Wenn es versteckt ist, geben Sie seinen Namen ein; oder wählen Sie ein anderes WLAN.</translation>
    </message>
    <message>
        <source>This device should join “%s”, but the Photon cannot see that network. Check its name, or choose another network.</source>
        <translation>Dieses Gerät soll sich mit „%s“ verbinden, aber der Photon sieht dieses WLAN nicht. Prüfen Sie den Namen oder wählen Sie ein anderes WLAN.</translation>
    </message>
    <message>
        <source>This computer uses “%s”, but the Photon cannot see it. A Photon only sees 2.4 GHz networks: if your router has a separate 2.4 GHz network, choose that.</source>
        <translation>Dieser Computer verwendet „%s“, aber der Photon sieht dieses WLAN nicht. Ein Photon sieht nur 2,4-GHz-Netzwerke: Wenn Ihr Router ein eigenes 2,4-GHz-WLAN hat, wählen Sie dieses aus.</translation>
    </message>
    <message>
        <source>This computer cannot list the Wi-Fi networks around it, so type the network&apos;s name and choose its security.</source>
        <translation>Dieser Computer kann die WLANs in seiner Umgebung nicht auflisten. Geben Sie deshalb den Namen des WLANs ein und wählen Sie seine Sicherheit.</translation>
    </message>
    <message>
        <source>This computer found no Wi-Fi networks. Click “Look again”, or type the network&apos;s name.</source>
        <translation>Dieser Computer hat keine WLANs gefunden. Klicken Sie auf „Erneut suchen“ oder geben Sie den Namen des WLANs ein.</translation>
    </message>
    <message>
        <source>The Photon found no networks. Click “Look again”, or type the network&apos;s name.</source>
        <translation>Der Photon hat keine WLANs gefunden. Klicken Sie auf „Erneut suchen“ oder geben Sie den Namen des WLANs ein.</translation>
    </message>
    <message>
        <source>This computer is looking for Wi-Fi networks…</source>
        <translation>Dieser Computer sucht nach WLANs …</translation>
    </message>
    <message>
        <source>The Photon is looking for Wi-Fi networks…</source>
        <translation>Der Photon sucht nach WLANs …</translation>
    </message>
</context>
<context>
    <name>Cloud</name>
    <message>
        <source>Enter both the email and the password.</source>
        <translation>Geben Sie die E-Mail-Adresse und das Passwort ein.</translation>
    </message>
    <message>
        <source>Enter a password for the customer.</source>
        <translation>Geben Sie ein Passwort für den Kunden ein.</translation>
    </message>
    <message>
        <source>An account with this email may already exist, but this password does not sign in to it. Check the password, or use another email.</source>
        <translation>Möglicherweise gibt es schon ein Konto mit dieser E-Mail-Adresse, aber mit diesem Passwort ist keine Anmeldung möglich. Prüfen Sie das Passwort oder verwenden Sie eine andere E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>the Particle Cloud</source>
        <translation>die Particle Cloud</translation>
    </message>
    <message>
        <source>The answer from {host} arrived damaged when trying to {action} (its compression could not be undone). A network proxy or firewall may be altering it; try again, or try another network.</source>
        <translation>Beim Versuch, {action}, kam die Antwort von {host} beschädigt an (ihre Komprimierung ließ sich nicht rückgängig machen). Womöglich verändert ein Proxy oder eine Firewall im Netzwerk sie; versuchen Sie es erneut oder in einem anderen Netzwerk.</translation>
    </message>
    <message>
        <source>Could not make a secure connection to {host} to {action}. A network proxy or firewall may be intercepting it; try another network, or check the computer&apos;s date and time.</source>
        <translation>Es konnte keine sichere Verbindung zu {host} hergestellt werden, um {action}. Womöglich fängt ein Proxy oder eine Firewall im Netzwerk sie ab; versuchen Sie ein anderes Netzwerk oder prüfen Sie Datum und Uhrzeit des Computers.</translation>
    </message>
    <message>
        <source>Could not reach the Particle Cloud at {host} to {action}. Check that this computer is connected to the internet, then try again.</source>
        <translation>Die Particle Cloud unter {host} war nicht erreichbar, um {action}. Prüfen Sie, ob dieser Computer mit dem Internet verbunden ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The Particle Cloud did not answer in time when asked to {action}. Check the internet connection and try again.</source>
        <translation>Die Particle Cloud hat auf die Anfrage, {action}, nicht rechtzeitig geantwortet. Prüfen Sie die Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The connection to the Particle Cloud broke while trying to {action}. Check the internet connection and try again.</source>
        <translation>Beim Versuch, {action}, ist die Verbindung zur Particle Cloud abgebrochen. Prüfen Sie die Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The product&apos;s team has denied this device, so the Particle Cloud keeps it out of the product and will not give it to the customer. A team member can approve it in the Console (the product&apos;s Devices, Denied devices); then set it up again.</source>
        <translation>Das Team des Produkts hat dieses Gerät abgelehnt. Deshalb hält die Particle Cloud es aus dem Produkt heraus und gibt es nicht an den Kunden. Ein Teammitglied kann es in der Console freigeben (in den Geräten des Produkts unter „Denied devices“); richten Sie es danach erneut ein.</translation>
    </message>
    <message>
        <source>The Particle Cloud put this device in quarantine: its ID was never added to the product, so the cloud will not give it to the customer. A team member can approve it in the Console (the product&apos;s Devices, Quarantined), or add the device ID to the product; then set it up again.</source>
        <translation>Die Particle Cloud hat dieses Gerät unter Quarantäne gestellt: Seine ID wurde dem Produkt nie hinzugefügt, deshalb gibt die Cloud es nicht an den Kunden. Ein Teammitglied kann es in der Console freigeben (in den Geräten des Produkts unter „Quarantined“) oder die Geräte-ID zum Produkt hinzufügen; richten Sie es danach erneut ein.</translation>
    </message>
    <message>
        <source>Wait a few minutes, then try again.</source>
        <translation>Warten Sie ein paar Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Try again in about %n minute(s).</source>
        <translation>
            <numerusform>Versuchen Sie es in etwa %n Minute erneut.</numerusform>
            <numerusform>Versuchen Sie es in etwa %n Minuten erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source> (Particle Cloud: {detail})</source>
        <extracomment>The server&apos;s own words (in English), after a sentence that ends with a full stop.</extracomment>
        <translation> (Particle Cloud: {detail})</translation>
    </message>
    <message>
        <source>This account uses two-step verification. Enter the 6-digit code from your authenticator app.</source>
        <translation>Dieses Konto verwendet die Bestätigung in zwei Schritten. Geben Sie den 6-stelligen Code aus Ihrer Authentifizierungs-App ein.</translation>
    </message>
    <message>
        <source>A customer with this email already exists.{said}</source>
        <translation>Es gibt bereits einen Kunden mit dieser E-Mail-Adresse.{said}</translation>
    </message>
    <message>
        <source>Enter both the email and the password.{said}</source>
        <translation>Geben Sie die E-Mail-Adresse und das Passwort ein.{said}</translation>
    </message>
    <message>
        <source>The Particle Cloud had trouble and could not {action} (HTTP {status}). Try again in a minute.{said}</source>
        <translation>Die Particle Cloud hatte ein Problem; es war nicht möglich, {action} (HTTP {status}). Versuchen Sie es in einer Minute erneut.{said}</translation>
    </message>
    <message>
        <source>That verification code is not right or has expired. Enter the current code from your authenticator app; if it keeps failing, sign in again.{said}</source>
        <translation>Dieser Bestätigungscode stimmt nicht oder ist abgelaufen. Geben Sie den aktuellen Code aus Ihrer Authentifizierungs-App ein; wenn es weiter nicht klappt, melden Sie sich erneut an.{said}</translation>
    </message>
    <message>
        <source>The email or password is not right. Check both and try again.{said}</source>
        <translation>E-Mail-Adresse oder Passwort stimmen nicht. Prüfen Sie beides und versuchen Sie es erneut.{said}</translation>
    </message>
    <message>
        <source>The product has no customer with this email. Check the email, or create the customer.{said}</source>
        <translation>Das Produkt hat keinen Kunden mit dieser E-Mail-Adresse. Prüfen Sie die E-Mail-Adresse oder legen Sie den Kunden an.{said}</translation>
    </message>
    <message>
        <source>Could not create the customer: the Particle Cloud refused the product&apos;s OAuth client, or a customer with this email already exists. Check the product settings and the email.{said}</source>
        <translation>Der Kunde konnte nicht angelegt werden: Die Particle Cloud hat den OAuth-Client des Produkts abgelehnt, oder es gibt bereits einen Kunden mit dieser E-Mail-Adresse. Prüfen Sie die Produkteinstellungen und die E-Mail-Adresse.{said}</translation>
    </message>
    <message>
        <source>The product&apos;s OAuth client is not allowed to {action}: its scope may be limited to creating customers. Use a client without that limit, or ask the product&apos;s owner.{said}</source>
        <translation>Der OAuth-Client des Produkts hat keine Berechtigung, {action}: Sein Geltungsbereich ist womöglich auf das Anlegen von Kunden beschränkt. Verwenden Sie einen Client ohne diese Einschränkung oder fragen Sie den Inhaber des Produkts.{said}</translation>
    </message>
    <message>
        <source>Could not {action}: the Particle Cloud has no such {subject}, or this account cannot see it. Check the ID or name.{said}</source>
        <translation>Es war nicht möglich, {action}: In der Particle Cloud gibt es {subject} nicht, oder dieses Konto hat keinen Zugriff darauf. Prüfen Sie die ID oder den Namen.{said}</translation>
    </message>
    <message>
        <source>The Particle Cloud refused to {action} (HTTP {status}).{said}</source>
        <translation>Die Particle Cloud hat es abgelehnt, {action} (HTTP {status}).{said}</translation>
    </message>
    <message>
        <source> Try again.</source>
        <translation> Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This account is not allowed to {action}. It may not be a member of this product&apos;s team: ask the product&apos;s owner to add it, or sign in with another account.{said}</source>
        <translation>Dieses Konto hat keine Berechtigung, {action}. Womöglich ist es kein Mitglied im Team dieses Produkts: Bitten Sie den Inhaber des Produkts, es hinzuzufügen, oder melden Sie sich mit einem anderen Konto an.{said}</translation>
    </message>
    <message>
        <source>This sign-in is not allowed to {action}: only a customer of this product may, with their own sign-in. Check the product, then sign the customer in again.{said}</source>
        <translation>Diese Anmeldung hat keine Berechtigung, {action}: Das darf nur ein Kunde dieses Produkts mit seiner eigenen Anmeldung. Prüfen Sie das Produkt und melden Sie den Kunden dann erneut an.{said}</translation>
    </message>
    <message>
        <source>This account is not allowed to {action}: the device belongs to another account, or is not this account&apos;s yet. Check that it was set up for this account, then try again.{said}</source>
        <translation>Dieses Konto hat keine Berechtigung, {action}: Das Gerät gehört einem anderen Konto oder noch nicht diesem. Prüfen Sie, ob es für dieses Konto eingerichtet wurde, und versuchen Sie es dann erneut.{said}</translation>
    </message>
    <message>
        <source>The Particle Cloud did not allow this account to {action}.{said}</source>
        <translation>Die Particle Cloud hat diesem Konto nicht erlaubt, {action}.{said}</translation>
    </message>
    <message>
        <source>Too many event streams were opened from this network; the Particle Cloud refuses new ones for a few minutes.</source>
        <translation>Aus diesem Netzwerk wurden zu viele Ereignis-Streams geöffnet; die Particle Cloud lehnt für einige Minuten neue ab.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts from this network; the Particle Cloud may block sign-ins for up to 30 minutes.</source>
        <translation>Zu viele Anmeldeversuche aus diesem Netzwerk; die Particle Cloud sperrt Anmeldungen womöglich für bis zu 30 Minuten.</translation>
    </message>
    <message>
        <source>The Particle Cloud is limiting requests from this network.</source>
        <translation>Die Particle Cloud begrenzt die Anfragen aus diesem Netzwerk.</translation>
    </message>
    <message>
        <source> to {host}</source>
        <translation> (nach {host})</translation>
    </message>
    <message>
        <source>Could not {action}: the cloud address sent this app elsewhere{to} instead of answering. The network may want you to sign in on a web page first (hotel or office Wi-Fi), or the cloud address is wrong. Open a web page to finish joining the network, then try again.</source>
        <translation>Es war nicht möglich, {action}: Die Cloud-Adresse hat diese App umgeleitet{to}, statt zu antworten. Womöglich verlangt das Netzwerk zuerst eine Anmeldung auf einer Webseite (WLAN im Hotel oder Büro), oder die Cloud-Adresse ist falsch. Öffnen Sie eine Webseite, um die Verbindung mit dem Netzwerk abzuschließen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Could not {action}: the Particle Cloud refused the product&apos;s OAuth client ID or secret. Check the product settings, or create a new client.{said}</source>
        <translation>Es war nicht möglich, {action}: Die Particle Cloud hat die Client-ID oder das Secret des OAuth-Clients des Produkts abgelehnt. Prüfen Sie die Produkteinstellungen oder legen Sie einen neuen Client an.{said}</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was signed out. Sign in again.{said}</source>
        <translation>Ihre Anmeldung ist abgelaufen oder wurde abgemeldet. Melden Sie sich erneut an.{said}</translation>
    </message>
    <message>
        <source>The Particle Cloud answered the event stream request with something other than events. Try again; if it keeps happening, update Photon Setup.</source>
        <translation>Die Particle Cloud hat auf die Anfrage nach dem Ereignis-Stream mit etwas anderem als Ereignissen geantwortet. Versuchen Sie es erneut; wenn das immer wieder passiert, aktualisieren Sie Photon Setup.</translation>
    </message>
    <message>
        <source>The Particle Cloud&apos;s answer is missing the {what}. Try again; if it keeps happening, update Photon Setup.</source>
        <translation>In der Antwort der Particle Cloud fehlt {what}. Versuchen Sie es erneut; wenn das immer wieder passiert, aktualisieren Sie Photon Setup.</translation>
    </message>
    <message>
        <source>The Particle Cloud sent an unreadable answer when asked to {action}. Try again; if it keeps happening, update Photon Setup.</source>
        <translation>Die Particle Cloud hat auf die Anfrage, {action}, eine unlesbare Antwort geschickt. Versuchen Sie es erneut; wenn das immer wieder passiert, aktualisieren Sie Photon Setup.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>CloudActions</name>
    <message>
        <source>sign in</source>
        <translation>sich anzumelden</translation>
    </message>
    <message>
        <source>check the verification code</source>
        <translation>den Bestätigungscode zu prüfen</translation>
    </message>
    <message>
        <source>renew the sign-in</source>
        <translation>die Anmeldung zu erneuern</translation>
    </message>
    <message>
        <source>sign in as the customer</source>
        <translation>sich als Kunde anzumelden</translation>
    </message>
    <message>
        <source>sign out</source>
        <translation>sich abzumelden</translation>
    </message>
    <message>
        <source>list the products</source>
        <translation>die Produkte aufzulisten</translation>
    </message>
    <message>
        <source>list the product&apos;s OAuth clients</source>
        <translation>die OAuth-Clients des Produkts aufzulisten</translation>
    </message>
    <message>
        <source>create an OAuth client</source>
        <translation>einen OAuth-Client anzulegen</translation>
    </message>
    <message>
        <source>delete the OAuth client</source>
        <translation>den OAuth-Client zu löschen</translation>
    </message>
    <message>
        <source>create the customer</source>
        <translation>den Kunden anzulegen</translation>
    </message>
    <message>
        <source>get a claim code</source>
        <translation>einen Claim-Code abzurufen</translation>
    </message>
    <message>
        <source>list the devices</source>
        <translation>die Geräte aufzulisten</translation>
    </message>
    <message>
        <source>look up the device</source>
        <translation>das Gerät abzufragen</translation>
    </message>
    <message>
        <source>look up the device in the product</source>
        <translation>das Gerät im Produkt abzufragen</translation>
    </message>
    <message>
        <source>rename the device</source>
        <translation>das Gerät umzubenennen</translation>
    </message>
    <message>
        <source>listen for device events</source>
        <translation>auf Geräteereignisse zu warten</translation>
    </message>
</context>
<context>
    <name>CloudFields</name>
    <message>
        <source>access token</source>
        <translation>das Zugriffstoken</translation>
    </message>
    <message>
        <source>claim code</source>
        <translation>der Claim-Code</translation>
    </message>
    <message>
        <source>device ID</source>
        <translation>die Geräte-ID</translation>
    </message>
</context>
<context>
    <name>CloudSubjects</name>
    <message>
        <source>account</source>
        <translation>dieses Konto</translation>
    </message>
    <message>
        <source>sign-in attempt</source>
        <translation>diesen Anmeldeversuch</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>diese Anmeldung</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>diesen Kunden</translation>
    </message>
    <message>
        <source>product</source>
        <translation>dieses Produkt</translation>
    </message>
    <message>
        <source>OAuth client</source>
        <translation>diesen OAuth-Client</translation>
    </message>
    <message>
        <source>device</source>
        <translation>dieses Gerät</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect to your Photon</source>
        <translation>Mit Ihrem Photon verbinden</translation>
    </message>
    <message>
        <source>Connect over &amp;Wi-Fi</source>
        <translation>Über &amp;WLAN verbinden</translation>
    </message>
    <message>
        <source>Joins the Photon&apos;s Wi-Fi for a moment</source>
        <translation>Verbindet sich kurz mit dem WLAN des Photons</translation>
    </message>
    <message>
        <source>Connect by &amp;USB cable</source>
        <translation>Per &amp;USB-Kabel verbinden</translation>
    </message>
    <message>
        <source>1. Plug the Photon into this computer with a USB data cable. A cable that only charges carries no data: if nothing shows up, try another cable.
2. Hold its SETUP button until the light blinks dark blue.</source>
        <translation>1. Schließen Sie den Photon mit einem USB-Datenkabel an diesen Computer an. Ein reines Ladekabel überträgt keine Daten: Wenn nichts erscheint, versuchen Sie ein anderes Kabel.
2. Halten Sie seine SETUP-Taste gedrückt, bis die LED dunkelblau blinkt.</translation>
    </message>
    <message>
        <source>Photons nearby</source>
        <translation>Photons in der Nähe</translation>
    </message>
    <message>
        <source>I have &amp;joined it</source>
        <translation>Ich bin &amp;verbunden</translation>
    </message>
    <message>
        <source>Yes, set this Photon up for the customer</source>
        <translation>Ja, diesen Photon für den Kunden einrichten</translation>
    </message>
    <message>
        <source>Yes, set this Photon up for my account</source>
        <translation>Ja, diesen Photon für mein Konto einrichten</translation>
    </message>
    <message>
        <source>Closing the connection to the Photon…</source>
        <translation>Die Verbindung zum Photon wird geschlossen …</translation>
    </message>
    <message>
        <source>This computer talks to the Photon over its USB cable and stays on its own Wi-Fi the whole time.</source>
        <translation>Dieser Computer spricht über das USB-Kabel mit dem Photon und bleibt die ganze Zeit in seinem eigenen WLAN.</translation>
    </message>
    <message>
        <source>Photons on a USB cable</source>
        <translation>Photons am USB-Kabel</translation>
    </message>
    <message>
        <source>Looking for Photons on USB cables…</source>
        <translation>Suche nach Photons an USB-Kabeln …</translation>
    </message>
    <message>
        <source>Join the Photon&apos;s Wi-Fi network yourself, then come back.</source>
        <translation>Verbinden Sie sich selbst mit dem WLAN des Photons und kommen Sie dann hierher zurück.</translation>
    </message>
    <message>
        <source>This computer joins the Photon&apos;s own Wi-Fi network for a moment. It comes back to your usual Wi-Fi by itself.</source>
        <translation>Dieser Computer verbindet sich kurz mit dem eigenen WLAN des Photons. Danach kehrt er von selbst in Ihr gewohntes WLAN zurück.</translation>
    </message>
    <message>
        <source>Choose your Photon and click Next. Its network is called “Photon-” and a code, and it only appears while the light blinks dark blue.</source>
        <translation>Wählen Sie Ihren Photon aus und klicken Sie auf „Weiter“. Sein WLAN heißt „Photon-“ mit einem Code dahinter und erscheint nur, solange die LED dunkelblau blinkt.</translation>
    </message>
    <message>
        <source>Looking for Photons…</source>
        <translation>Suche nach Photons …</translation>
    </message>
    <message>
        <source>Reconnecting this computer to your Wi-Fi…</source>
        <translation>Dieser Computer wird wieder mit Ihrem WLAN verbunden …</translation>
    </message>
    <message>
        <source>This computer keeps its own Wi-Fi</source>
        <translation>Dieser Computer bleibt in seinem WLAN</translation>
    </message>
    <message>
        <source>A Photon is plugged in</source>
        <translation>Ein Photon ist angeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n Photons are plugged in</source>
        <translation>
            <numerusform>%n Photon ist angeschlossen</numerusform>
            <numerusform>%n Photons sind angeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>No Photon plugged in yet</source>
        <translation>Noch kein Photon angeschlossen</translation>
    </message>
    <message>
        <source>On USB port %s</source>
        <translation>Am USB-Anschluss %s</translation>
    </message>
    <message numerus="yes">
        <source>Signal %n %</source>
        <translation>
            <numerusform>Signal %n %</numerusform>
            <numerusform>Signal %n %</numerusform>
        </translation>
    </message>
    <message>
        <source>Found your Photon on a USB cable. Click Next.</source>
        <translation>Ihr Photon wurde am USB-Kabel gefunden. Klicken Sie auf „Weiter“.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n Photons on USB cables. Choose one by its device ID and click Next; the others wait their turn.</source>
        <translation>
            <numerusform>%n Photon an USB-Kabeln gefunden. Wählen Sie einen anhand seiner Geräte-ID aus und klicken Sie auf „Weiter“; die anderen kommen danach an die Reihe.</numerusform>
            <numerusform>%n Photons an USB-Kabeln gefunden. Wählen Sie einen anhand seiner Geräte-ID aus und klicken Sie auf „Weiter“; die anderen kommen danach an die Reihe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n Photon(s). Choose yours and click Next.</source>
        <translation>
            <numerusform>%n Photon gefunden. Wählen Sie Ihren aus und klicken Sie auf „Weiter“.</numerusform>
            <numerusform>%n Photons gefunden. Wählen Sie Ihren aus und klicken Sie auf „Weiter“.</numerusform>
        </translation>
    </message>
    <message>
        <source>No Photon in listening mode on a USB cable yet. Check that its light blinks dark blue and that the cable carries data; this list updates by itself.</source>
        <translation>Noch kein Photon im Listening-Modus am USB-Kabel. Prüfen Sie, ob seine LED dunkelblau blinkt und ob das Kabel Daten überträgt; diese Liste aktualisiert sich von selbst.</translation>
    </message>
    <message>
        <source>No Photon found yet. Check that its light blinks dark blue; this list updates by itself.</source>
        <translation>Noch kein Photon gefunden. Prüfen Sie, ob seine LED dunkelblau blinkt; diese Liste aktualisiert sich von selbst.</translation>
    </message>
    <message>
        <source>Waiting for your computer to join the Photon&apos;s network…</source>
        <translation>Warten, bis Ihr Computer mit dem WLAN des Photons verbunden ist …</translation>
    </message>
    <message>
        <source>Talking to the Photon over its USB cable…</source>
        <translation>Verbindung mit dem Photon über das USB-Kabel …</translation>
    </message>
    <message>
        <source>Joining “%s”…</source>
        <translation>Verbindung mit „%s“ …</translation>
    </message>
    <message>
        <source>This Photon was set up for another account before. If you continue, it becomes %s&apos;s and leaves that account.</source>
        <translation>Dieser Photon war bisher für ein anderes Konto eingerichtet. Wenn Sie fortfahren, gehört er %s und verlässt das andere Konto.</translation>
    </message>
    <message>
        <source>This Photon was set up for another account before. If you continue, it becomes yours and leaves that account.</source>
        <translation>Dieser Photon war bisher für ein anderes Konto eingerichtet. Wenn Sie fortfahren, gehört er Ihnen und verlässt das andere Konto.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Photon Setup – unexpected error</source>
        <translation>Photon Setup – unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Something went wrong that Photon Setup did not expect.</source>
        <translation>Etwas ist schiefgegangen, womit Photon Setup nicht gerechnet hat.</translation>
    </message>
    <message>
        <source>You can close this message and carry on. If the wizard stops responding, close Photon Setup: it gives your computer its Wi-Fi back as it closes. To help fix the problem, copy the details below and send them with the log file.</source>
        <translation>Sie können diese Meldung schließen und weitermachen. Wenn der Assistent nicht mehr reagiert, schließen Sie Photon Setup: Beim Schließen bekommt Ihr Computer sein WLAN zurück. Damit der Fehler behoben werden kann, kopieren Sie die Details unten und senden Sie sie mit der Protokolldatei.</translation>
    </message>
    <message>
        <source>Support: &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;</source>
        <translation>Support: &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>The versions of the app and the system, and where the error happened</source>
        <translation>Die Versionen der App und des Systems und wo der Fehler aufgetreten ist</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Protokolldatei: {path}</translation>
    </message>
    <message>
        <source>There is no log file: the log folder could not be written.</source>
        <translation>Es gibt keine Protokolldatei: In den Protokollordner konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open log folder</source>
        <translation>Protokollordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>This happened {n} times; the details show each one.</source>
        <translation>Das ist {n}-mal passiert; die Details zeigen jedes Mal.</translation>
    </message>
    <message>
        <source>This happened {n} times; the details show the first {shown}, the log file every one.</source>
        <translation>Das ist {n}-mal passiert; die Details zeigen die ersten {shown}, die Protokolldatei jedes Mal.</translation>
    </message>
    <message>
        <source>The details are copied to the clipboard.</source>
        <translation>Die Details sind in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Could not open the folder; it is {folder}</source>
        <translation>Der Ordner ließ sich nicht öffnen; er liegt unter {folder}</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>The customer</source>
        <translation>Der Kunde</translation>
    </message>
    <message>
        <source>The Photon is claimed for the customer, not for you: an existing customer gets a sign-in for their own account, a new one is created.</source>
        <translation>Der Photon wird für den Kunden beansprucht, nicht für Sie: Ein bestehender Kunde erhält eine Anmeldung für sein eigenes Konto, ein neuer wird angelegt.</translation>
    </message>
    <message>
        <source>customer@example.com</source>
        <translation>kunde@beispiel.de</translation>
    </message>
    <message>
        <source>The customer&apos;s e-mail address</source>
        <translation>E-Mail-Adresse des Kunden</translation>
    </message>
    <message>
        <source>Give a &amp;new customer a password</source>
        <translation>Einem &amp;neuen Kunden ein Passwort geben</translation>
    </message>
    <message>
        <source>Without one, a new customer is created without a password. A customer who already exists keeps their own.</source>
        <translation>Ohne diese Angabe wird ein neuer Kunde ohne Passwort angelegt. Ein bestehender Kunde behält sein eigenes.</translation>
    </message>
    <message>
        <source>Password for a new customer</source>
        <translation>Passwort für einen neuen Kunden</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;e-mail:</source>
        <translation>&amp;E-Mail des Kunden:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Work list</source>
        <translation>Arbeitsliste</translation>
    </message>
    <message>
        <source>A work list is a CSV file with one device per row: the customer&apos;s e-mail, the device&apos;s name (may be empty) and the Wi-Fi network. The bench takes the rows in turn.</source>
        <translation>Eine Arbeitsliste ist eine CSV-Datei mit einem Gerät pro Zeile: die E-Mail-Adresse des Kunden, der Gerätename (darf leer sein) und das WLAN. Die Zeilen werden der Reihe nach abgearbeitet.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Rows of the work list</source>
        <translation>Zeilen der Arbeitsliste</translation>
    </message>
    <message>
        <source>&amp;Import a work list…</source>
        <translation>Arbeitsliste &amp;importieren …</translation>
    </message>
    <message>
        <source>C&amp;lose the work list</source>
        <translation>Arbeitsliste &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Devices done…</source>
        <translation>Erledigte &amp;Geräte …</translation>
    </message>
    <message>
        <source>Simulation: any e-mail address works. A customer who does not exist yet is created in the simulated Particle Cloud.</source>
        <translation>Simulation: Jede E-Mail-Adresse funktioniert. Ein Kunde, den es noch nicht gibt, wird in der simulierten Particle Cloud angelegt.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>next</source>
        <translation>als Nächstes</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>offen</translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) of the work list are done.</source>
        <translation>
            <numerusform>Die %n Zeile der Arbeitsliste ist erledigt.</numerusform>
            <numerusform>Alle %n Zeilen der Arbeitsliste sind erledigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 done. Next: line %3, %4.</source>
        <translation>%1 von %2 erledigt. Als Nächstes: Zeile %3, %4.</translation>
    </message>
    <message>
        <source>Opening the customer&apos;s account and getting a claim code…</source>
        <translation>Das Konto des Kunden wird geöffnet und ein Claim-Code abgerufen …</translation>
    </message>
</context>
<context>
    <name>Device</name>
    <message>
        <source>hold its SETUP button for 3 seconds until the light blinks dark blue</source>
        <translation>halten Sie seine SETUP-Taste 3 Sekunden lang gedrückt, bis die LED dunkelblau blinkt</translation>
    </message>
    <message>
        <source>This computer no longer has its address {local} on the Photon&apos;s Wi-Fi, so nothing could be sent to the Photon. Connect this computer to the Photon&apos;s own Wi-Fi (named “Photon-…”) again; if the Photon&apos;s light is not blinking dark blue, {reset}.</source>
        <translation>Dieser Computer hat seine Adresse {local} im WLAN des Photons nicht mehr, deshalb konnte nichts an den Photon gesendet werden. Verbinden Sie diesen Computer wieder mit dem eigenen WLAN des Photons (es heißt „Photon-…“); wenn die LED des Photons nicht dunkelblau blinkt, {reset}.</translation>
    </message>
    <message>
        <source>Could not reach the Photon at {host}. Make sure this computer is connected to the Photon&apos;s own Wi-Fi (named “Photon-…”) and that the Photon&apos;s light is blinking dark blue; if it is not, {reset}.</source>
        <translation>Der Photon unter {host} war nicht erreichbar. Prüfen Sie, ob dieser Computer mit dem eigenen WLAN des Photons (es heißt „Photon-…“) verbunden ist und ob die LED des Photons dunkelblau blinkt; falls nicht, {reset}.</translation>
    </message>
    <message>
        <source>The Photon was too busy to take “{command}”, even after a pause. Close other programs or browser pages that may be talking to it, wait a few seconds and try again; if it keeps happening, reset the Photon ({reset}).</source>
        <translation>Der Photon war zu beschäftigt, um „{command}“ anzunehmen, auch nach einer Pause. Schließen Sie andere Programme oder Browserseiten, die womöglich mit ihm kommunizieren, warten Sie ein paar Sekunden und versuchen Sie es erneut; wenn das immer wieder passiert, setzen Sie den Photon zurück ({reset}).</translation>
    </message>
    <message>
        <source>The Photon stopped answering (while running “{command}”). Make sure this computer is still on the Photon&apos;s Wi-Fi and the light is blinking dark blue, then try again.</source>
        <translation>Der Photon antwortet nicht mehr (während des Befehls „{command}“). Prüfen Sie, ob dieser Computer noch mit dem WLAN des Photons verbunden ist und die LED dunkelblau blinkt, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The Photon did not finish scanning for Wi-Fi networks; it may be stuck. Reset it ({reset}) and try again, or type the network name yourself.</source>
        <translation>Der Photon hat die Suche nach WLANs nicht beendet; womöglich hängt er. Setzen Sie ihn zurück ({reset}) und versuchen Sie es erneut, oder geben Sie den Namen des WLANs selbst ein.</translation>
    </message>
    <message>
        <source>The Photon sent an answer to “{command}” that this app cannot read ({detail}). Reset the Photon ({reset}) and try again. If it keeps happening, something other than a Photon in setup mode may be answering at this address.</source>
        <translation>Der Photon hat auf „{command}“ eine Antwort geschickt, die diese App nicht lesen kann ({detail}). Setzen Sie den Photon zurück ({reset}) und versuchen Sie es erneut. Wenn das immer wieder passiert, antwortet unter dieser Adresse womöglich etwas anderes als ein Photon im Listening-Modus.</translation>
    </message>
    <message>
        <source>The Photon did not give a usable encryption key, so the Wi-Fi password cannot be sent safely ({detail}). Reset the Photon ({reset}) and try again.</source>
        <translation>Der Photon hat keinen brauchbaren Schlüssel zum Verschlüsseln geliefert, deshalb kann das WLAN-Passwort nicht sicher gesendet werden ({detail}). Setzen Sie den Photon zurück ({reset}) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon refused the Wi-Fi settings without saying why. Try again; if it keeps happening, the Photon&apos;s firmware may be too old and should be updated.</source>
        <translation>Der Photon hat die WLAN-Einstellungen ohne Angabe von Gründen abgelehnt. Versuchen Sie es erneut; wenn das immer wieder passiert, ist die Firmware des Photons womöglich zu alt und sollte aktualisiert werden.</translation>
    </message>
    <message>
        <source>The Photon did not accept the security type of “{ssid}”. Choose the network from the Photon&apos;s list (or pick the right security type) and try again.</source>
        <translation>Der Photon hat den Sicherheitstyp von „{ssid}“ nicht angenommen. Wählen Sie das WLAN aus der Liste des Photons aus (oder wählen Sie den richtigen Sicherheitstyp) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon cannot see the network “{ssid}”. It only finds 2.4 GHz networks that show their name: check the spelling, move the Photon closer to the router, and make sure the network is not hidden or 5 GHz only.</source>
        <translation>Der Photon sieht das WLAN „{ssid}“ nicht. Er findet nur 2,4-GHz-Netzwerke, die ihren Namen zeigen: Prüfen Sie die Schreibweise, bringen Sie den Photon näher an den Router und stellen Sie sicher, dass das WLAN weder versteckt ist noch nur 5 GHz nutzt.</translation>
    </message>
    <message>
        <source>The Photon refused the network name: it must be 1 to 32 bytes long.</source>
        <translation>Der Photon hat den Netzwerknamen abgelehnt: Er muss 1 bis 32 Bytes lang sein.</translation>
    </message>
    <message>
        <source>The Photon refused the password: its length does not fit this kind of network. Check the password and try again.</source>
        <translation>Der Photon hat das Passwort abgelehnt: Seine Länge passt nicht zu dieser Art von Netzwerk. Prüfen Sie das Passwort und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon could not decrypt the Wi-Fi password. Try again; if it keeps happening, reset the Photon ({reset}) and start over.</source>
        <translation>Der Photon konnte das WLAN-Passwort nicht entschlüsseln. Versuchen Sie es erneut; wenn das immer wieder passiert, setzen Sie den Photon zurück ({reset}) und beginnen Sie neu.</translation>
    </message>
    <message>
        <source>The Photon refused the Wi-Fi settings (error {code}). Try again.</source>
        <translation>Der Photon hat die WLAN-Einstellungen abgelehnt (Fehler {code}). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon refused the claim code. Get a new claim code (go back one step) and try again.</source>
        <translation>Der Photon hat den Claim-Code abgelehnt. Rufen Sie einen neuen Claim-Code ab (gehen Sie einen Schritt zurück) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon could not store the claim code (error {code}). Reset the Photon ({reset}) and try again.</source>
        <translation>Der Photon konnte den Claim-Code nicht speichern (Fehler {code}). Setzen Sie den Photon zurück ({reset}) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon refused “{command}”. Reset it ({reset}) and try again.</source>
        <translation>Der Photon hat „{command}“ abgelehnt. Setzen Sie ihn zurück ({reset}) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon refused “{command}” (error {code}). Reset it ({reset}) and try again.</source>
        <translation>Der Photon hat „{command}“ abgelehnt (Fehler {code}). Setzen Sie ihn zurück ({reset}) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Enter the network name.</source>
        <translation>Geben Sie den Netzwerknamen ein.</translation>
    </message>
    <message>
        <source>The network name is too long ({count} bytes); Wi-Fi names have at most 32 bytes. Check the name.</source>
        <translation>Der Netzwerkname ist zu lang ({count} Bytes); WLAN-Namen haben höchstens 32 Bytes. Prüfen Sie den Namen.</translation>
    </message>
    <message>
        <source>The network name contains a character the Photon cannot receive (a quote &quot;, a backslash \ or a control character). Rename the network on the router, or use another network for the Photon.</source>
        <translation>Der Netzwerkname enthält ein Zeichen, das der Photon nicht empfangen kann (ein Anführungszeichen &quot;, einen Backslash \ oder ein Steuerzeichen). Benennen Sie das WLAN am Router um oder verwenden Sie ein anderes WLAN für den Photon.</translation>
    </message>
    <message>
        <source>This Wi-Fi password is too short: WPA/WPA2 passwords have at least 8 characters. Check the password.</source>
        <translation>Dieses WLAN-Passwort ist zu kurz: WPA/WPA2-Passwörter haben mindestens 8 Zeichen. Prüfen Sie das Passwort.</translation>
    </message>
    <message>
        <source>This Wi-Fi password is too long: WPA/WPA2 passwords have at most 63 characters (accented letters and symbols such as € count as two or three), or are a key of exactly 64 hexadecimal digits. Check the password.</source>
        <translation>Dieses WLAN-Passwort ist zu lang: WPA/WPA2-Passwörter haben höchstens 63 Zeichen (Umlaute, Buchstaben mit Akzent und Symbole wie € zählen als zwei oder drei) oder sind ein Schlüssel aus genau 64 Hexadezimalziffern. Prüfen Sie das Passwort.</translation>
    </message>
    <message>
        <source>This Wi-Fi password is too long: a typed WPA/WPA2 password has at most 63 characters (accented letters count as two or three); only a key of exactly 64 hexadecimal digits (0–9, A–F) may be longer. Check the password.</source>
        <translation>Dieses WLAN-Passwort ist zu lang: Ein eingegebenes WPA/WPA2-Passwort hat höchstens 63 Zeichen (Umlaute und Buchstaben mit Akzent zählen als zwei oder drei); nur ein Schlüssel aus genau 64 Hexadezimalziffern (0–9, A–F) darf länger sein. Prüfen Sie das Passwort.</translation>
    </message>
    <message>
        <source>The Wi-Fi password contains a control character (such as a tab or a line break), which a Wi-Fi password cannot hold. Check the password.</source>
        <translation>Das WLAN-Passwort enthält ein Steuerzeichen (etwa einen Tabulator oder einen Zeilenumbruch), das in einem WLAN-Passwort nicht vorkommen kann. Prüfen Sie das Passwort.</translation>
    </message>
    <message>
        <source>A WEP key has exactly 5 or 13 characters, or exactly 10 or 26 hexadecimal digits (0–9, A–F). Check the key.</source>
        <translation>Ein WEP-Schlüssel hat genau 5 oder 13 Zeichen oder genau 10 oder 26 Hexadezimalziffern (0–9, A–F). Prüfen Sie den Schlüssel.</translation>
    </message>
    <message>
        <source>This network is open and takes no password. Leave the password empty, or choose the right security type if the network does have one.</source>
        <translation>Dieses WLAN ist offen und braucht kein Passwort. Lassen Sie das Passwort leer, oder wählen Sie den richtigen Sicherheitstyp, falls das WLAN doch eines hat.</translation>
    </message>
    <message>
        <source>Enterprise Wi-Fi (sign-in with a user name or certificate) is not supported by this app. Use a network with a single shared password, such as a guest network.</source>
        <translation>Enterprise-WLAN (Anmeldung mit Benutzername oder Zertifikat) wird von dieser App nicht unterstützt. Verwenden Sie ein WLAN mit einem einzigen gemeinsamen Passwort, etwa ein Gäste-WLAN.</translation>
    </message>
    <message>
        <source>The Photon cannot join this kind of network ({label}). Choose the security type the router uses (usually WPA2 Personal), or use another network.</source>
        <translation>Der Photon kann sich mit dieser Art von Netzwerk nicht verbinden ({label}). Wählen Sie den Sicherheitstyp, den der Router verwendet (meist WPA2-Personal), oder verwenden Sie ein anderes WLAN.</translation>
    </message>
    <message>
        <source>Wi-Fi channel {channel} is not a 2.4 GHz channel (1–14), and the Photon only uses 2.4 GHz. Choose the network from the Photon&apos;s list.</source>
        <translation>WLAN-Kanal {channel} ist kein 2,4-GHz-Kanal (1–14), und der Photon nutzt nur 2,4 GHz. Wählen Sie das WLAN aus der Liste des Photons aus.</translation>
    </message>
    <message>
        <source>The claim code from the Particle Cloud does not look right (it must be 1 to 63 plain characters). Go back one step to get a new claim code.</source>
        <translation>Der Claim-Code von der Particle Cloud sieht nicht richtig aus (er muss aus 1 bis 63 einfachen Zeichen bestehen). Gehen Sie einen Schritt zurück, um einen neuen Claim-Code zu erhalten.</translation>
    </message>
    <message>
        <source>no key in the answer</source>
        <translation>kein Schlüssel in der Antwort</translation>
    </message>
    <message>
        <source>the key is not hexadecimal</source>
        <translation>der Schlüssel ist nicht hexadezimal</translation>
    </message>
    <message>
        <source>the key does not start like an RSA key</source>
        <translation>der Schlüssel beginnt nicht wie ein RSA-Schlüssel</translation>
    </message>
    <message>
        <source>the key is cut short</source>
        <translation>der Schlüssel ist abgeschnitten</translation>
    </message>
    <message>
        <source>the key could not be decoded</source>
        <translation>der Schlüssel ließ sich nicht dekodieren</translation>
    </message>
    <message>
        <source>the key is not an RSA key</source>
        <translation>der Schlüssel ist kein RSA-Schlüssel</translation>
    </message>
    <message>
        <source>the key is too short</source>
        <translation>der Schlüssel ist zu kurz</translation>
    </message>
    <message>
        <source>the answer is far longer than a Photon&apos;s</source>
        <translation>die Antwort ist viel länger als die eines Photons</translation>
    </message>
    <message>
        <source>the answer was empty</source>
        <translation>die Antwort war leer</translation>
    </message>
    <message>
        <source>the answer repeats a key</source>
        <translation>die Antwort enthält einen Eintrag doppelt</translation>
    </message>
    <message>
        <source>the answer is not JSON</source>
        <translation>die Antwort ist kein JSON</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the answer has no result code</source>
        <translation>die Antwort hat keinen Ergebniscode</translation>
    </message>
    <message>
        <source>the answer has no version number</source>
        <translation>die Antwort hat keine Versionsnummer</translation>
    </message>
    <message>
        <source>the answer has no valid device ID</source>
        <translation>die Antwort hat keine gültige Geräte-ID</translation>
    </message>
    <message>
        <source>the answer has no valid claimed flag</source>
        <translation>die Antwort hat keinen gültigen Claim-Status</translation>
    </message>
    <message>
        <source>the Photon could not read its key, error {code}</source>
        <translation>der Photon konnte seinen Schlüssel nicht lesen, Fehler {code}</translation>
    </message>
    <message>
        <source>the answer is not a list of networks</source>
        <translation>die Antwort ist keine Liste von WLANs</translation>
    </message>
    <message>
        <source>more than {size} KB, far more than a Photon sends</source>
        <translation>mehr als {size} KB, weit mehr, als ein Photon sendet</translation>
    </message>
    <message>
        <source>not an HTTP answer</source>
        <translation>keine HTTP-Antwort</translation>
    </message>
    <message>
        <source>HTTP status {status}</source>
        <translation>HTTP-Status {status}</translation>
    </message>
    <message>
        <source>reading its device ID</source>
        <translation>beim Lesen seiner Geräte-ID</translation>
    </message>
    <message>
        <source>taking the claim code</source>
        <translation>bei der Übernahme des Claim-Codes</translation>
    </message>
    <message>
        <source>asking for the Wi-Fi network</source>
        <translation>bei der Frage nach dem WLAN</translation>
    </message>
    <message>
        <source>looking for the Wi-Fi network</source>
        <translation>bei der Suche nach dem WLAN</translation>
    </message>
    <message>
        <source>answering its questions about the Wi-Fi network</source>
        <translation>beim Beantworten seiner Fragen zum WLAN</translation>
    </message>
    <message>
        <source>saving the Wi-Fi settings</source>
        <translation>beim Speichern der WLAN-Einstellungen</translation>
    </message>
    <message>
        <source>it did not repeat what was sent</source>
        <translation>er hat das Gesendete nicht wiederholt</translation>
    </message>
    <message>
        <source>its device ID is not 24 hexadecimal digits</source>
        <translation>seine Geräte-ID besteht nicht aus 24 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>it confirmed a claim code other than the one sent</source>
        <translation>er hat einen anderen als den gesendeten Claim-Code bestätigt</translation>
    </message>
    <message>
        <source>it kept asking about the Wi-Fi network</source>
        <translation>er hat immer wieder nach dem WLAN gefragt</translation>
    </message>
    <message>
        <source>make sure its light blinks dark blue (if it does not, hold its SETUP button for 3 seconds until it does)</source>
        <translation>prüfen Sie, ob seine LED dunkelblau blinkt (falls nicht, halten Sie seine SETUP-Taste 3 Sekunden lang gedrückt, bis sie es tut)</translation>
    </message>
    <message>
        <source>The Photon&apos;s USB connection was lost ({port}). Check that the cable is firmly plugged in at both ends, unplug it and plug it in again, {hint}, then try again.</source>
        <translation>Die USB-Verbindung zum Photon ist abgebrochen ({port}). Prüfen Sie, ob das Kabel an beiden Enden fest steckt, ziehen Sie es ab und stecken Sie es wieder ein, {hint}, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The Photon&apos;s USB port {port} is not there any more: the Photon was probably unplugged. Plug it in again, {hint}, then try again.</source>
        <translation>Der USB-Anschluss {port} des Photons ist nicht mehr vorhanden: Der Photon wurde wahrscheinlich abgesteckt. Stecken Sie ihn wieder ein, {hint}, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This computer does not let this app open the Photon&apos;s USB port {port} (permission denied). On Linux, add your user to the “dialout” group (sudo usermod -aG dialout $USER), log out and in again, then try again.</source>
        <translation>Dieser Computer erlaubt dieser App nicht, den USB-Anschluss {port} des Photons zu öffnen (Zugriff verweigert). Fügen Sie unter Linux Ihren Benutzer der Gruppe „dialout“ hinzu (sudo usermod -aG dialout $USER), melden Sie sich ab und wieder an und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Another program is using the Photon&apos;s USB port {port} (for example a serial monitor, or “particle serial”). Close that program, then try again.</source>
        <translation>Ein anderes Programm verwendet den USB-Anschluss {port} des Photons (zum Beispiel ein serieller Monitor oder „particle serial“). Schließen Sie dieses Programm und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The Photon stopped answering over the USB cable (while {doing}). Check that its light is still blinking dark blue (if not, hold its SETUP button for 3 seconds until it does), then unplug the cable, plug it in again and try again.</source>
        <translation>Der Photon antwortet über das USB-Kabel nicht mehr ({doing}). Prüfen Sie, ob seine LED noch dunkelblau blinkt (falls nicht, halten Sie seine SETUP-Taste 3 Sekunden lang gedrückt, bis sie es tut), ziehen Sie dann das Kabel ab, stecken Sie es wieder ein und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon answered over the USB cable in a way this app cannot read ({detail}). Unplug it, plug it in again, {hint}, and try again. If it keeps happening, the device on this port may not be a Photon in listening mode.</source>
        <translation>Der Photon hat über das USB-Kabel so geantwortet, dass diese App es nicht lesen kann ({detail}). Stecken Sie ihn ab und wieder ein, {hint}, und versuchen Sie es erneut. Wenn das wiederholt passiert, ist das Gerät an diesem Anschluss vielleicht kein Photon im Listening-Modus.</translation>
    </message>
    <message>
        <source>The Photon refused the claim code: it says the code is not 63 characters long. Go back one step to get a new claim code and try again.</source>
        <translation>Der Photon hat den Claim-Code abgelehnt: Laut ihm ist der Code nicht 63 Zeichen lang. Gehen Sie einen Schritt zurück, um einen neuen Claim-Code zu holen, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon refused to save these Wi-Fi settings. This usually means the password&apos;s length does not fit the network&apos;s security type (WPA/WPA2: 8 to 63 characters, or 64 hexadecimal digits). Check the password and the security type, then send them again.</source>
        <translation>Der Photon hat sich geweigert, diese WLAN-Einstellungen zu speichern. Meist passt dann die Länge des Passworts nicht zum Sicherheitstyp des WLANs (WPA/WPA2: 8 bis 63 Zeichen oder 64 Hexadezimalziffern). Prüfen Sie Passwort und Sicherheitstyp und senden Sie sie dann erneut.</translation>
    </message>
    <message>
        <source>The Photon sees “{ssid}” as a secured network and asked for its password, but none was given. Choose the network&apos;s security type, enter its password and try again.</source>
        <translation>Der Photon sieht „{ssid}“ als gesichertes WLAN und hat nach dessen Passwort gefragt, aber es wurde keines angegeben. Wählen Sie den Sicherheitstyp des WLANs, geben Sie sein Passwort ein und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Photon sees “{ssid}” as an Enterprise network (sign-in with a user name or certificate), which this app cannot set up. The Photon now waits for Enterprise settings: reset it (hold its SETUP button for 3 seconds until the light blinks dark blue), then choose a network with a single shared password.</source>
        <translation>Der Photon sieht „{ssid}“ als Enterprise-WLAN (Anmeldung mit Benutzername oder Zertifikat), das diese App nicht einrichten kann. Der Photon wartet jetzt auf Enterprise-Einstellungen: Setzen Sie ihn zurück (halten Sie seine SETUP-Taste 3 Sekunden lang gedrückt, bis die LED dunkelblau blinkt) und wählen Sie dann ein WLAN mit einem einzigen gemeinsamen Passwort.</translation>
    </message>
    <message>
        <source>a NUL byte</source>
        <translation>ein NUL-Byte</translation>
    </message>
    <message>
        <source>a backspace</source>
        <translation>ein Rückschritt (Backspace)</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation>ein Zeilenumbruch</translation>
    </message>
    <message>
        <source>a carriage return</source>
        <translation>ein Wagenrücklauf (CR)</translation>
    </message>
    <message>
        <source>a delete character</source>
        <translation>ein Löschzeichen (DEL)</translation>
    </message>
    <message>
        <source>This network name contains a character that cannot be sent to the Photon over a USB cable ({character}). Rename the network on the router, or use another network for the Photon.</source>
        <translation>Dieser WLAN-Name enthält ein Zeichen, das sich über ein USB-Kabel nicht an den Photon senden lässt ({character}). Benennen Sie das WLAN am Router um oder verwenden Sie ein anderes WLAN für den Photon.</translation>
    </message>
    <message>
        <source>This Wi-Fi password contains a character that cannot be sent to the Photon over a USB cable ({character}). Check the password.</source>
        <translation>Dieses WLAN-Passwort enthält ein Zeichen, das sich über ein USB-Kabel nicht an den Photon senden lässt ({character}). Prüfen Sie das Passwort.</translation>
    </message>
    <message>
        <source>A WEP network cannot be set up over the USB cable: the Photon&apos;s console stores a WEP key in a form the Photon cannot join with. Connect over Wi-Fi instead.</source>
        <translation>Ein WEP-WLAN lässt sich nicht über das USB-Kabel einrichten: Die Konsole des Photons speichert einen WEP-Schlüssel in einer Form, mit der sich der Photon nicht verbinden kann. Verbinden Sie sich stattdessen über WLAN.</translation>
    </message>
    <message>
        <source>This claim code cannot be given to the Photon over the USB cable: its console takes exactly 63 plain characters. Go back one step to get a new claim code, or connect over Wi-Fi instead.</source>
        <translation>Dieser Claim-Code lässt sich dem Photon nicht über das USB-Kabel übergeben: Seine Konsole nimmt genau 63 einfache Zeichen an. Gehen Sie einen Schritt zurück, um einen neuen Claim-Code zu holen, oder verbinden Sie sich stattdessen über WLAN.</translation>
    </message>
</context>
<context>
    <name>DevicesDoneDialog</name>
    <message>
        <source>Devices done</source>
        <translation>Erledigte Geräte</translation>
    </message>
    <message>
        <source>Every device set up at this bench, newest first, as recorded while it happened. Nothing secret is recorded.</source>
        <translation>Jedes an diesem Arbeitsplatz eingerichtete Gerät, das neueste zuerst, so aufgezeichnet, wie es geschah. Nichts Geheimes wird aufgezeichnet.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Handover report for:</source>
        <translation>Übergabebericht für:</translation>
    </message>
    <message>
        <source>Customer for the handover report</source>
        <translation>Kunde für den Übergabebericht</translation>
    </message>
    <message>
        <source>Save &amp;handover report…</source>
        <translation>Übergabe&amp;bericht speichern …</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>Als CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Export the devices done</source>
        <translation>Erledigte Geräte exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Save the handover report</source>
        <translation>Übergabebericht speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Could not save %1 (%2). Choose another folder.</source>
        <translation>%1 konnte nicht gespeichert werden (%2). Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Saved to %s.</source>
        <translation>Gespeichert unter %s.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Your Photon is set up</source>
        <translation>Ihr Photon ist eingerichtet</translation>
    </message>
    <message>
        <source>It is on your Wi-Fi, online, and belongs to your account.</source>
        <translation>Er ist in Ihrem WLAN, online und gehört zu Ihrem Konto.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Set up &amp;another Photon</source>
        <translation>&amp;Weiteren Photon einrichten</translation>
    </message>
    <message>
        <source>Next device</source>
        <translation>Nächstes Gerät</translation>
    </message>
    <message>
        <source>Customer of the next device</source>
        <translation>Kunde des nächsten Geräts</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Für:</translation>
    </message>
    <message>
        <source>Set up &amp;next device</source>
        <translation>&amp;Nächstes Gerät einrichten</translation>
    </message>
    <message>
        <source>&amp;Change customer or work list…</source>
        <translation>Kunden oder Arbeitsliste &amp;ändern …</translation>
    </message>
    <message>
        <source>&amp;Devices done…</source>
        <translation>Erledigte &amp;Geräte …</translation>
    </message>
    <message>
        <source>The Photon is set up for %s</source>
        <translation>Der Photon ist für %s eingerichtet</translation>
    </message>
    <message>
        <source>It is online, and the product&apos;s device list names the customer as its owner.</source>
        <translation>Er ist online, und die Geräteliste des Produkts nennt den Kunden als Inhaber.</translation>
    </message>
    <message>
        <source>%s (checked in the product&apos;s device list)</source>
        <translation>%s (geprüft in der Geräteliste des Produkts)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Online in the Particle Cloud</source>
        <translation>Online in der Particle Cloud</translation>
    </message>
    <message>
        <source>The light on your Photon now breathes cyan.</source>
        <translation>Die LED Ihres Photons pulsiert jetzt cyan.</translation>
    </message>
    <message>
        <source>Line %1 of the work list (%2 of %3 done).</source>
        <translation>Zeile %1 der Arbeitsliste (%2 von %3 erledigt).</translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) of the work list are done.</source>
        <translation>
            <numerusform>Die %n Zeile der Arbeitsliste ist erledigt.</numerusform>
            <numerusform>Alle %n Zeilen der Arbeitsliste sind erledigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Same product and Wi-Fi (“%s”); change the customer if needed.</source>
        <translation>Gleiches Produkt und WLAN („%s“); ändern Sie bei Bedarf den Kunden.</translation>
    </message>
    <message>
        <source>Same product; change the customer if needed.</source>
        <translation>Gleiches Produkt; ändern Sie bei Bedarf den Kunden.</translation>
    </message>
    <message>
        <source>Opening the customer&apos;s account and getting a claim code…</source>
        <translation>Das Konto des Kunden wird geöffnet und ein Claim-Code abgerufen …</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Import a work list</source>
        <translation>Arbeitsliste importieren</translation>
    </message>
    <message>
        <source>Work lists (*.csv);;All files (*)</source>
        <translation>Arbeitslisten (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <source>Enter a name for the Photon.</source>
        <translation>Geben Sie einen Namen für den Photon ein.</translation>
    </message>
    <message>
        <source>A device name has at most {most} characters; this one has {count}.</source>
        <translation>Ein Gerätename hat höchstens {most} Zeichen; dieser hat {count}.</translation>
    </message>
    <message>
        <source>A device name may use only letters (A–Z), digits, underscores (_) and hyphens (-), with no spaces.</source>
        <translation>Ein Gerätename darf nur Buchstaben (A–Z), Ziffern, Unterstriche (_) und Bindestriche (-) enthalten, keine Leerzeichen.</translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>You are signed in, but this computer&apos;s keychain could not keep the sign-in: you will be asked to sign in again next time.</source>
        <translation>Sie sind angemeldet, aber der Schlüsselbund dieses Computers konnte die Anmeldung nicht speichern: Beim nächsten Mal müssen Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again to continue.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>This Photon was set up for another account before. Confirm that it should become yours, then continue.</source>
        <translation>Dieser Photon war bisher für ein anderes Konto eingerichtet. Bestätigen Sie, dass er Ihnen gehören soll, und fahren Sie dann fort.</translation>
    </message>
    <message>
        <source>The claim code expired while this window waited. Go back to “Connect to your Photon” to get a new one (this computer needs the internet for it).</source>
        <translation>Der Claim-Code ist abgelaufen, während dieses Fenster gewartet hat. Gehen Sie zurück zu „Mit Ihrem Photon verbinden“, um einen neuen zu erhalten (dafür braucht dieser Computer Internet).</translation>
    </message>
    <message>
        <source>The Photon is already yours.</source>
        <translation>Der Photon gehört Ihnen bereits.</translation>
    </message>
    <message>
        <source>Send the Wi-Fi settings to the Photon first.</source>
        <translation>Senden Sie zuerst die WLAN-Einstellungen an den Photon.</translation>
    </message>
    <message>
        <source>The Photon has not been told to connect yet.</source>
        <translation>Der Photon wurde noch nicht angewiesen, sich zu verbinden.</translation>
    </message>
    <message>
        <source>This computer cannot list Wi-Fi networks here.</source>
        <translation>Dieser Computer kann hier keine WLANs auflisten.</translation>
    </message>
    <message>
        <source>The Photon&apos;s network “{network}” is still there. If its light still blinks dark blue, it did not get the message to connect: go back and send the Wi-Fi settings again.</source>
        <translation>Das WLAN des Photons „{network}“ ist noch da. Wenn seine LED noch dunkelblau blinkt, hat er die Anweisung zum Verbinden nicht erhalten: Gehen Sie zurück und senden Sie die WLAN-Einstellungen erneut.</translation>
    </message>
    <message>
        <source>your Wi-Fi</source>
        <translation>Ihr WLAN</translation>
    </message>
    <message>
        <source>The Photon could not join “{network}” and is back in listening mode (blinking dark blue). The password was probably wrong: choose the network and enter the password again.</source>
        <translation>Der Photon konnte sich nicht mit „{network}“ verbinden und ist wieder im Listening-Modus (blinkt dunkelblau). Das Passwort war wahrscheinlich falsch: Wählen Sie das WLAN aus und geben Sie das Passwort erneut ein.</translation>
    </message>
    <message>
        <source>This computer has not got its internet back, so the Particle Cloud cannot be asked about the Photon. Connect to your usual Wi-Fi, then choose Try again.</source>
        <translation>Dieser Computer hat noch kein Internet, deshalb kann die Particle Cloud nicht nach dem Photon gefragt werden. Verbinden Sie sich mit Ihrem gewohnten WLAN und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The Particle Cloud has not seen your Photon come online as yours yet. Look at its light: blinking green means it cannot join your Wi-Fi (check the network and password); blinking cyan means it cannot reach the internet through your router; breathing cyan means it is online but the product has not accepted it yet (it may be in quarantine): ask the product&apos;s maker to approve it. Choose Try again to keep waiting, or start over.</source>
        <translation>Die Particle Cloud hat Ihren Photon noch nicht als Ihren online gesehen. Achten Sie auf seine LED: Blinkt sie grün, kommt er nicht in Ihr WLAN (prüfen Sie WLAN und Passwort); blinkt sie cyan, erreicht er über Ihren Router das Internet nicht; pulsiert sie cyan, ist er online, aber das Produkt hat ihn noch nicht aufgenommen (womöglich steht er unter Quarantäne): Bitten Sie den Hersteller des Produkts, ihn freizugeben. Wählen Sie „Erneut versuchen“, um weiter zu warten, oder beginnen Sie neu.</translation>
    </message>
    <message>
        <source>This is taking longer than usual. A Photon that connects for the first time may update its firmware (blinking magenta) and restart: don&apos;t unplug it. Blinking green for a long time means it cannot join your Wi-Fi; blinking cyan means it cannot reach the Particle Cloud.</source>
        <translation>Das dauert länger als sonst. Ein Photon, der sich zum ersten Mal verbindet, aktualisiert womöglich seine Firmware (blinkt magenta) und startet neu: Ziehen Sie ihn nicht ab. Blinkt er lange grün, kommt er nicht in Ihr WLAN; blinkt er cyan, erreicht er die Particle Cloud nicht.</translation>
    </message>
    <message>
        <source>The Photon is online, but the product&apos;s device list names {owner} as its owner, not {customer}. Check the customer&apos;s e-mail address and set the Photon up again.</source>
        <translation>Der Photon ist online, aber in der Geräteliste des Produkts steht {owner} als Inhaber, nicht {customer}. Prüfen Sie die E-Mail-Adresse des Kunden und richten Sie den Photon erneut ein.</translation>
    </message>
    <message>
        <source>No Photon has been set up yet.</source>
        <translation>Es wurde noch kein Photon eingerichtet.</translation>
    </message>
    <message>
        <source>Close the connection to the current Photon first.</source>
        <translation>Beenden Sie zuerst die Verbindung zum aktuellen Photon.</translation>
    </message>
    <message>
        <source>This computer stayed on its own network.</source>
        <translation>Dieser Computer ist in seinem eigenen Netzwerk geblieben.</translation>
    </message>
    <message>
        <source>This computer cannot reach a Photon by USB cable.</source>
        <translation>Dieser Computer kann keinen Photon über ein USB-Kabel erreichen.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>The connection to the Photon was closed. Go back to “Connect to your Photon”.</source>
        <translation>Die Verbindung zum Photon wurde beendet. Gehen Sie zurück zu „Mit Ihrem Photon verbinden“.</translation>
    </message>
    <message>
        <source>Choose the Wi-Fi network the Photon should join.</source>
        <translation>Wählen Sie das WLAN aus, mit dem sich der Photon verbinden soll.</translation>
    </message>
    <message>
        <source>An unexpected error happened.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <source>Sign in and choose the product first.</source>
        <translation>Melden Sie sich zuerst an und wählen Sie das Produkt aus.</translation>
    </message>
    <message>
        <source>Sign in with your password first.</source>
        <translation>Melden Sie sich zuerst mit Ihrem Passwort an.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Geben Sie den 6-stelligen Code aus Ihrer Authentifizierungs-App ein.</translation>
    </message>
    <message>
        <source>Choose the product first.</source>
        <translation>Wählen Sie zuerst das Produkt aus.</translation>
    </message>
    <message>
        <source>This computer does not have the secret of the client “{client}” (the Particle Cloud shows it only once, when the client is created). Create a new client here, or enter its secret.</source>
        <translation>Dieser Computer hat das Secret des Clients „{client}“ nicht (die Particle Cloud zeigt es nur einmal, beim Anlegen des Clients). Legen Sie hier einen neuen Client an oder geben Sie sein Secret ein.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s e-mail address.</source>
        <translation>Geben Sie die E-Mail-Adresse des Kunden ein.</translation>
    </message>
    <message>
        <source>Choose the product&apos;s OAuth client first.</source>
        <translation>Wählen Sie zuerst den OAuth-Client des Produkts aus.</translation>
    </message>
    <message>
        <source>Plug in a Photon first.</source>
        <translation>Schließen Sie zuerst einen Photon an.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s e-mail for every Photon.</source>
        <translation>Geben Sie für jeden Photon die E-Mail des Kunden ein.</translation>
    </message>
    <message>
        <source>Choose the Wi-Fi network first.</source>
        <translation>Wählen Sie zuerst das WLAN aus.</translation>
    </message>
    <message>
        <source>Enter the password of “{network}” first.</source>
        <translation>Geben Sie zuerst das Passwort von „{network}“ ein.</translation>
    </message>
    <message>
        <source>An unexpected error happened (see the log).</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten (siehe Protokolldatei).</translation>
    </message>
    <message>
        <source>This Photon was set up for another account before. Set it up on its own to confirm that it should become this customer&apos;s.</source>
        <translation>Dieser Photon wurde schon einmal für ein anderes Konto eingerichtet. Richten Sie ihn einzeln ein, um zu bestätigen, dass er diesem Kunden gehören soll.</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>This window runs on a built-in simulation: no real Photon, account or Wi-Fi is used.</source>
        <translation>Dieses Fenster läuft mit einer eingebauten Simulation: Es werden kein echter Photon, kein echtes Konto und kein echtes WLAN verwendet.</translation>
    </message>
    <message>
        <source>Simulation mode</source>
        <translation>Simulationsmodus</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Save support report…</source>
        <translation>Supportbericht speichern …</translation>
    </message>
    <message>
        <source>Get help…</source>
        <translation>Hilfe holen …</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Change the customer</source>
        <translation>Kunden ändern</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Choose another network</source>
        <translation>Anderes WLAN wählen</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>LedGuide</name>
    <message>
        <source>To start it in safe mode, hold down both buttons, let go of RESET, keep holding SETUP until the light blinks magenta, then let go.</source>
        <translation>Um ihn im abgesicherten Modus zu starten, halten Sie beide Tasten gedrückt, lassen RESET los, halten SETUP weiter, bis die LED magenta blinkt, und lassen dann los.</translation>
    </message>
    <message>
        <source>Then hold SETUP for about 3 seconds until the light blinks dark blue.</source>
        <translation>Halten Sie dann SETUP etwa 3 Sekunden lang gedrückt, bis die LED dunkelblau blinkt.</translation>
    </message>
    <message>
        <source>Hold SETUP for about 3 seconds. If the light does not start blinking dark blue, the program on the Photon is in the way: start it in safe mode first.</source>
        <translation>Halten Sie SETUP etwa 3 Sekunden lang gedrückt. Wenn die LED dann nicht dunkelblau blinkt, ist das Programm auf dem Photon im Weg: Starten Sie ihn zuerst im abgesicherten Modus.</translation>
    </message>
    <message>
        <source>This needs a repair with Particle&apos;s developer tools: ask someone who develops for Particle devices, or contact Particle support.</source>
        <translation>Das muss mit den Entwicklerwerkzeugen von Particle repariert werden: Fragen Sie jemanden, der für Particle-Geräte entwickelt, oder wenden Sie sich an den Particle-Support.</translation>
    </message>
    <message>
        <source>Then reflash the app from safe mode, e.g. particle flash DEVICE_ID tinker.</source>
        <translation>Flashen Sie die App dann im abgesicherten Modus neu, z. B. mit particle flash DEVICE_ID tinker.</translation>
    </message>
    <message>
        <source>Blinking dark blue</source>
        <translation>Blinkt dunkelblau</translation>
    </message>
    <message>
        <source>Listening mode</source>
        <translation>Listening-Modus</translation>
    </message>
    <message>
        <source>The Photon is ready to be set up and waits for your Wi-Fi details.</source>
        <translation>Der Photon ist bereit zur Einrichtung und wartet auf Ihre WLAN-Daten.</translation>
    </message>
    <message>
        <source>This is the light setup needs. To get here, hold SETUP for about 3 seconds.</source>
        <translation>Diese Anzeige braucht die Einrichtung. Um dahin zu kommen, halten Sie SETUP etwa 3 Sekunden lang gedrückt.</translation>
    </message>
    <message>
        <source>If it comes back to blinking dark blue after you sent your Wi-Fi details, the Photon could not join your Wi-Fi: usually the password was mistyped.</source>
        <translation>Blinkt er wieder dunkelblau, nachdem Sie Ihre WLAN-Daten gesendet haben, konnte sich der Photon nicht mit Ihrem WLAN verbinden: Meist war das Passwort vertippt.</translation>
    </message>
    <message>
        <source>Quick dark blue flicker</source>
        <translation>Flackert schnell dunkelblau</translation>
    </message>
    <message>
        <source>Wi-Fi network reset</source>
        <translation>WLAN-Netzwerke zurückgesetzt</translation>
    </message>
    <message>
        <source>SETUP was held for about 10 seconds, so the Photon is forgetting the Wi-Fi networks it knew. If the flicker turns red, forgetting them failed.</source>
        <translation>SETUP wurde etwa 10 Sekunden lang gedrückt, deshalb vergisst der Photon die WLANs, die er kannte. Wird das Flackern rot, ist das Vergessen fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Nothing is wrong: let go of SETUP. It goes back to blinking dark blue, ready to be set up.</source>
        <translation>Alles in Ordnung: Lassen Sie SETUP los. Er blinkt wieder dunkelblau und ist bereit zur Einrichtung.</translation>
    </message>
    <message>
        <source>After a red flicker, hold SETUP for about 10 seconds again.</source>
        <translation>Nach rotem Flackern halten Sie SETUP noch einmal etwa 10 Sekunden lang gedrückt.</translation>
    </message>
    <message>
        <source>Blinking green</source>
        <translation>Blinkt grün</translation>
    </message>
    <message>
        <source>Connecting to network</source>
        <translation>Verbindet sich mit dem Netzwerk</translation>
    </message>
    <message>
        <source>The Photon is joining a Wi-Fi network it knows.</source>
        <translation>Der Photon verbindet sich mit einem WLAN, das er kennt.</translation>
    </message>
    <message>
        <source>Wait up to a minute. If it keeps blinking green: the Photon only sees 2.4 GHz Wi-Fi, needs the exact password, and cannot use networks with a sign-in page (hotels, cafés) or company logins.</source>
        <translation>Warten Sie bis zu einer Minute. Wenn er weiter grün blinkt: Der Photon sieht nur 2,4-GHz-WLANs, braucht das genaue Passwort und kann keine Netzwerke mit Anmeldeseite (Hotels, Cafés) oder Firmenanmeldung nutzen.</translation>
    </message>
    <message>
        <source>To set it up from scratch, hold SETUP for about 3 seconds; the button can react late while the light blinks green, so keep holding until it changes.</source>
        <translation>Um ihn ganz neu einzurichten, halten Sie SETUP etwa 3 Sekunden lang gedrückt; solange die LED grün blinkt, reagiert die Taste manchmal spät, halten Sie sie also gedrückt, bis sich die Anzeige ändert.</translation>
    </message>
    <message>
        <source>Fast blinking green</source>
        <translation>Blinkt schnell grün</translation>
    </message>
    <message>
        <source>Getting network address (DHCP)</source>
        <translation>Bezieht eine Netzwerkadresse (DHCP)</translation>
    </message>
    <message>
        <source>The Photon joined the Wi-Fi and is waiting for the router to give it an address.</source>
        <translation>Der Photon ist im WLAN und wartet darauf, dass ihm der Router eine Adresse gibt.</translation>
    </message>
    <message>
        <source>Wait a few seconds. If it stays like this, restart your router: it may have run out of addresses for new devices.</source>
        <translation>Warten Sie ein paar Sekunden. Bleibt es so, starten Sie Ihren Router neu: Womöglich hat er keine Adressen mehr für neue Geräte.</translation>
    </message>
    <message>
        <source>The Photon needs DHCP; a network with static addresses only won&apos;t do.</source>
        <translation>Der Photon braucht DHCP; ein Netzwerk nur mit statischen Adressen reicht nicht.</translation>
    </message>
    <message>
        <source>Breathing green</source>
        <translation>Pulsiert grün</translation>
    </message>
    <message>
        <source>Cloud not connected</source>
        <translation>Nicht mit der Cloud verbunden</translation>
    </message>
    <message>
        <source>The Photon is on Wi-Fi, but the program on it keeps it off Particle&apos;s cloud.</source>
        <translation>Der Photon ist im WLAN, aber das Programm darauf hält ihn von der Particle Cloud fern.</translation>
    </message>
    <message>
        <source>The app uses SEMI_AUTOMATIC or MANUAL mode without Particle.connect(), or blocks loop(). Reflash it from safe mode.</source>
        <translation>Die App nutzt den Modus SEMI_AUTOMATIC oder MANUAL ohne Particle.connect() oder blockiert loop(). Flashen Sie sie im abgesicherten Modus neu.</translation>
    </message>
    <message>
        <source>Breathing dark blue</source>
        <translation>Pulsiert dunkelblau</translation>
    </message>
    <message>
        <source>Wi-Fi module not connected</source>
        <translation>WLAN-Modul nicht verbunden</translation>
    </message>
    <message>
        <source>The program on the Photon turned its Wi-Fi on but does not join a network.</source>
        <translation>Das Programm auf dem Photon hat sein WLAN eingeschaltet, verbindet sich aber mit keinem Netzwerk.</translation>
    </message>
    <message>
        <source>The app calls WiFi.on() without WiFi.connect(). Reflash it from safe mode.</source>
        <translation>Die App ruft WiFi.on() ohne WiFi.connect() auf. Flashen Sie sie im abgesicherten Modus neu.</translation>
    </message>
    <message>
        <source>Breathing white</source>
        <translation>Pulsiert weiß</translation>
    </message>
    <message>
        <source>Wi-Fi off</source>
        <translation>WLAN aus</translation>
    </message>
    <message>
        <source>The program on the Photon turned its Wi-Fi off.</source>
        <translation>Das Programm auf dem Photon hat sein WLAN ausgeschaltet.</translation>
    </message>
    <message>
        <source>The app uses MANUAL or SEMI_AUTOMATIC mode or calls WiFi.off(). Reflash it from safe mode.</source>
        <translation>Die App nutzt den Modus MANUAL oder SEMI_AUTOMATIC oder ruft WiFi.off() auf. Flashen Sie sie im abgesicherten Modus neu.</translation>
    </message>
    <message>
        <source>Blinking cyan</source>
        <translation>Blinkt cyan</translation>
    </message>
    <message>
        <source>Connecting to the cloud</source>
        <translation>Verbindet sich mit der Cloud</translation>
    </message>
    <message>
        <source>The Photon is on the internet and is connecting to Particle&apos;s cloud.</source>
        <translation>Der Photon ist im Internet und verbindet sich mit der Particle Cloud.</translation>
    </message>
    <message>
        <source>Wait: this usually takes a few seconds.</source>
        <translation>Warten Sie: Das dauert meist ein paar Sekunden.</translation>
    </message>
    <message>
        <source>To set it up on another network instead, hold SETUP for about 3 seconds.</source>
        <translation>Um ihn stattdessen in einem anderen Netzwerk einzurichten, halten Sie SETUP etwa 3 Sekunden lang gedrückt.</translation>
    </message>
    <message>
        <source>Fast blinking cyan</source>
        <translation>Blinkt schnell cyan</translation>
    </message>
    <message>
        <source>Cloud handshake</source>
        <translation>Handshake mit der Cloud</translation>
    </message>
    <message>
        <source>The Photon and Particle&apos;s cloud are checking each other&apos;s identity.</source>
        <translation>Der Photon und die Particle Cloud prüfen gegenseitig ihre Identität.</translation>
    </message>
    <message>
        <source>Wait: this takes a moment.</source>
        <translation>Warten Sie: Das dauert einen Moment.</translation>
    </message>
    <message>
        <source>Breathing cyan</source>
        <translation>Pulsiert cyan</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>The Photon is online and working normally.</source>
        <translation>Der Photon ist online und arbeitet normal.</translation>
    </message>
    <message>
        <source>Nothing to fix. To set it up again, for another network or another owner, hold SETUP for about 3 seconds until it blinks dark blue.</source>
        <translation>Nichts zu beheben. Um ihn erneut einzurichten, für ein anderes Netzwerk oder einen anderen Inhaber, halten Sie SETUP etwa 3 Sekunden lang gedrückt, bis er dunkelblau blinkt.</translation>
    </message>
    <message>
        <source>Blinking cyan, then 2 orange blinks</source>
        <translation>Blinkt cyan, dann 2-mal orange</translation>
    </message>
    <message>
        <source>Could not reach internet</source>
        <translation>Internet nicht erreichbar</translation>
    </message>
    <message>
        <source>The Photon is on your Wi-Fi, but the Wi-Fi does not reach the internet.</source>
        <translation>Der Photon ist in Ihrem WLAN, aber das WLAN erreicht das Internet nicht.</translation>
    </message>
    <message>
        <source>Check that other devices on the same Wi-Fi can open websites, then restart your router. The Photon keeps trying by itself.</source>
        <translation>Prüfen Sie, ob andere Geräte im selben WLAN Webseiten öffnen können, und starten Sie dann Ihren Router neu. Der Photon versucht es von selbst weiter.</translation>
    </message>
    <message>
        <source>The cloud connection failed, then the internet test (an NTP query, which needs DNS) failed too: check the router&apos;s DNS and outgoing traffic.</source>
        <translation>Die Cloud-Verbindung ist fehlgeschlagen und danach auch der Internettest (eine NTP-Abfrage, die DNS braucht): Prüfen Sie DNS und ausgehenden Verkehr des Routers.</translation>
    </message>
    <message>
        <source>Blinking cyan, then 3 orange blinks</source>
        <translation>Blinkt cyan, dann 3-mal orange</translation>
    </message>
    <message>
        <source>Could not reach cloud</source>
        <translation>Cloud nicht erreichbar</translation>
    </message>
    <message>
        <source>The internet works, but Particle&apos;s cloud does not answer the Photon.</source>
        <translation>Das Internet funktioniert, aber die Particle Cloud antwortet dem Photon nicht.</translation>
    </message>
    <message>
        <source>A firewall, or a school or office network, may block it: try another Wi-Fi, such as a phone&apos;s hotspot set to 2.4 GHz.</source>
        <translation>Womöglich blockiert eine Firewall oder ein Schul- oder Firmennetzwerk die Verbindung: Versuchen Sie ein anderes WLAN, etwa den Hotspot eines Handys mit 2,4 GHz.</translation>
    </message>
    <message>
        <source>If it happens on every network, contact Particle support.</source>
        <translation>Passiert das in jedem Netzwerk, wenden Sie sich an den Particle-Support.</translation>
    </message>
    <message>
        <source>Outgoing TCP port 5683 must be open. A wrong server key shows the same: run particle keys server in DFU mode.</source>
        <translation>Der ausgehende TCP-Port 5683 muss offen sein. Ein falscher Serverschlüssel zeigt dasselbe: Führen Sie im DFU-Modus particle keys server aus.</translation>
    </message>
    <message>
        <source>Blinking cyan with an orange flash</source>
        <translation>Blinkt cyan, blitzt orange auf</translation>
    </message>
    <message>
        <source>Decryption error</source>
        <translation>Entschlüsselungsfehler</translation>
    </message>
    <message>
        <source>The Photon&apos;s own security key does not match the one Particle&apos;s cloud has for it.</source>
        <translation>Der eigene Sicherheitsschlüssel des Photons passt nicht zu dem, den die Particle Cloud für ihn hat.</translation>
    </message>
    <message>
        <source>In DFU mode (blinking yellow) run particle keys doctor DEVICE_ID.</source>
        <translation>Führen Sie im DFU-Modus (blinkt gelb) particle keys doctor DEVICE_ID aus.</translation>
    </message>
    <message>
        <source>Blinking cyan with a magenta flash</source>
        <translation>Blinkt cyan, blitzt magenta auf</translation>
    </message>
    <message>
        <source>Authentication error</source>
        <translation>Authentifizierungsfehler</translation>
    </message>
    <message>
        <source>The Photon does not trust the key Particle&apos;s cloud showed it.</source>
        <translation>Der Photon vertraut dem Schlüssel nicht, den ihm die Particle Cloud gezeigt hat.</translation>
    </message>
    <message>
        <source>In DFU mode (blinking yellow) run particle keys server.</source>
        <translation>Führen Sie im DFU-Modus (blinkt gelb) particle keys server aus.</translation>
    </message>
    <message>
        <source>Blinking cyan with a red flash</source>
        <translation>Blinkt cyan, blitzt rot auf</translation>
    </message>
    <message>
        <source>Generic handshake error</source>
        <translation>Allgemeiner Handshake-Fehler</translation>
    </message>
    <message>
        <source>The Photon and Particle&apos;s cloud could not agree on a secure connection.</source>
        <translation>Der Photon und die Particle Cloud konnten sich nicht auf eine sichere Verbindung einigen.</translation>
    </message>
    <message>
        <source>Unplug the Photon for a few seconds and plug it back in. If the red flash comes back:</source>
        <translation>Ziehen Sie den Photon für ein paar Sekunden ab und schließen Sie ihn wieder an. Blitzt er wieder rot auf:</translation>
    </message>
    <message>
        <source>In DFU mode run particle keys server, then particle keys doctor DEVICE_ID.</source>
        <translation>Führen Sie im DFU-Modus particle keys server und danach particle keys doctor DEVICE_ID aus.</translation>
    </message>
    <message>
        <source>Flickering magenta</source>
        <translation>Flackert magenta</translation>
    </message>
    <message>
        <source>OTA firmware update</source>
        <translation>OTA-Firmware-Update</translation>
    </message>
    <message>
        <source>The Photon is downloading and installing new software. A Photon that is new, or has not been online for a long time, often does this right after setup.</source>
        <translation>Der Photon lädt neue Software herunter und installiert sie. Ein neuer Photon oder einer, der lange nicht online war, tut das oft direkt nach der Einrichtung.</translation>
    </message>
    <message>
        <source>Don&apos;t unplug it. Wait: it can take a few minutes, and it restarts by itself, perhaps more than once.</source>
        <translation>Ziehen Sie ihn nicht ab. Warten Sie: Das kann ein paar Minuten dauern, und er startet von selbst neu, vielleicht mehrmals.</translation>
    </message>
    <message>
        <source>Blinking magenta while you hold SETUP</source>
        <translation>Blinkt magenta, während Sie SETUP halten</translation>
    </message>
    <message>
        <source>Safe mode selection</source>
        <translation>Auswahl des abgesicherten Modus</translation>
    </message>
    <message>
        <source>RESET was pressed while SETUP is held: letting go now starts safe mode.</source>
        <translation>RESET wurde gedrückt, während SETUP gehalten wird: Loslassen startet jetzt den abgesicherten Modus.</translation>
    </message>
    <message>
        <source>Let go of SETUP to start safe mode. Holding on until it blinks yellow starts DFU mode instead.</source>
        <translation>Lassen Sie SETUP los, um den abgesicherten Modus zu starten. Halten Sie weiter, bis er gelb blinkt, startet stattdessen der DFU-Modus.</translation>
    </message>
    <message>
        <source>Breathing magenta</source>
        <translation>Pulsiert magenta</translation>
    </message>
    <message>
        <source>Safe mode</source>
        <translation>Abgesicherter Modus</translation>
    </message>
    <message>
        <source>The Photon is online, but the program on it is not running. Right after setup this is usually a software update on its way from Particle.</source>
        <translation>Der Photon ist online, aber das Programm darauf läuft nicht. Direkt nach der Einrichtung ist das meist ein Software-Update, das gerade von Particle kommt.</translation>
    </message>
    <message>
        <source>Right after setup: don&apos;t unplug it. The update arrives and the Photon restarts by itself within a few minutes.</source>
        <translation>Direkt nach der Einrichtung: Ziehen Sie ihn nicht ab. Das Update kommt an, und der Photon startet innerhalb weniger Minuten von selbst neu.</translation>
    </message>
    <message>
        <source>A Photon in safe mode can still be set up: hold SETUP for about 3 seconds until the light blinks dark blue.</source>
        <translation>Ein Photon im abgesicherten Modus lässt sich trotzdem einrichten: Halten Sie SETUP etwa 3 Sekunden lang gedrückt, bis die LED dunkelblau blinkt.</translation>
    </message>
    <message>
        <source>If it stays in safe mode, the app needs a newer Device OS than the Photon has; or flash Tinker: particle flash DEVICE_ID tinker.</source>
        <translation>Bleibt er im abgesicherten Modus, braucht die App ein neueres Device OS, als der Photon hat; oder flashen Sie Tinker: particle flash DEVICE_ID tinker.</translation>
    </message>
    <message>
        <source>Blinking yellow</source>
        <translation>Blinkt gelb</translation>
    </message>
    <message>
        <source>DFU mode</source>
        <translation>DFU-Modus</translation>
    </message>
    <message>
        <source>The Photon waits for new software over its USB cable: SETUP was held while it restarted.</source>
        <translation>Der Photon wartet auf neue Software über sein USB-Kabel: SETUP wurde beim Neustart gehalten.</translation>
    </message>
    <message>
        <source>Press and let go of RESET to restart the Photon normally.</source>
        <translation>Drücken Sie kurz RESET, um den Photon normal neu zu starten.</translation>
    </message>
    <message>
        <source>particle update, then particle flash --usb tinker; RESET leaves DFU mode.</source>
        <translation>particle update, dann particle flash --usb tinker; RESET beendet den DFU-Modus.</translation>
    </message>
    <message>
        <source>Fast blinking white</source>
        <translation>Blinkt schnell weiß</translation>
    </message>
    <message>
        <source>SETUP was held for 10 seconds while the Photon restarted: it will forget the Wi-Fi networks it knew.</source>
        <translation>SETUP wurde beim Neustart des Photons 10 Sekunden lang gehalten: Er vergisst die WLANs, die er kannte.</translation>
    </message>
    <message>
        <source>Let go of SETUP. The Photon starts without Wi-Fi details and blinks dark blue, ready to be set up.</source>
        <translation>Lassen Sie SETUP los. Der Photon startet ohne WLAN-Daten und blinkt dunkelblau, bereit zur Einrichtung.</translation>
    </message>
    <message>
        <source>Red blinks: 3 short, 3 long, 3 short</source>
        <translation>Rotes Blinken: 3 kurz, 3 lang, 3 kurz</translation>
    </message>
    <message>
        <source>Red blink SOS</source>
        <translation>Rotes SOS-Blinken</translation>
    </message>
    <message>
        <source>The program on the Photon crashed. It shows the SOS twice, then restarts.</source>
        <translation>Das Programm auf dem Photon ist abgestürzt. Er zeigt das SOS zweimal und startet dann neu.</translation>
    </message>
    <message>
        <source>In safe mode the program does not run, so the Photon can be set up: hold SETUP for about 3 seconds until the light blinks dark blue.</source>
        <translation>Im abgesicherten Modus läuft das Programm nicht, dann lässt sich der Photon einrichten: Halten Sie SETUP etwa 3 Sekunden lang gedrückt, bis die LED dunkelblau blinkt.</translation>
    </message>
    <message>
        <source>Count the slow blinks after the SOS: 1 hard fault, 8 out of heap, 13 stack overflow (codes 1–14). From safe mode: particle flash DEVICE_ID tinker; or in DFU mode: particle update, particle flash --usb tinker.</source>
        <translation>Zählen Sie die langsamen Blinkzeichen nach dem SOS: 1 Hard Fault, 8 Heap erschöpft, 13 Stack-Überlauf (Codes 1–14). Im abgesicherten Modus: particle flash DEVICE_ID tinker; oder im DFU-Modus: particle update, particle flash --usb tinker.</translation>
    </message>
    <message>
        <source>One colour, not moving</source>
        <translation>Eine Farbe, ohne Bewegung</translation>
    </message>
    <message>
        <source>Solid colors</source>
        <translation>Dauerhafte Farben</translation>
    </message>
    <message>
        <source>The Photon stopped responding; the light keeps whatever colour it last had.</source>
        <translation>Der Photon reagiert nicht mehr; die LED behält die Farbe, die sie zuletzt hatte.</translation>
    </message>
    <message>
        <source>Unplug it for a few seconds and plug it back in. If it freezes again, start it in safe mode.</source>
        <translation>Ziehen Sie ihn für ein paar Sekunden ab und schließen Sie ihn wieder an. Hängt er sich wieder auf, starten Sie ihn im abgesicherten Modus.</translation>
    </message>
    <message>
        <source>Solid magenta is expected while flashing over serial (YMODEM). Otherwise the firmware hung: recover with safe mode or DFU mode.</source>
        <translation>Dauerhaft magenta ist beim Flashen über die serielle Schnittstelle (YMODEM) normal. Sonst hängt die Firmware: Stellen Sie sie im abgesicherten Modus oder im DFU-Modus wieder her.</translation>
    </message>
    <message>
        <source>No light at all</source>
        <translation>Gar kein Licht</translation>
    </message>
    <message>
        <source>No status LED</source>
        <translation>Keine Status-LED</translation>
    </message>
    <message>
        <source>The Photon gets no power, or cannot start.</source>
        <translation>Der Photon bekommt keinen Strom oder kann nicht starten.</translation>
    </message>
    <message>
        <source>Try another USB cable, and another USB port or charger.</source>
        <translation>Versuchen Sie ein anderes USB-Kabel und einen anderen USB-Anschluss oder ein anderes Ladegerät.</translation>
    </message>
    <message>
        <source>If the small blue light beside pin D7 glows faintly, the Photon&apos;s start-up software is damaged: contact Particle support.</source>
        <translation>Leuchtet die kleine blaue LED neben Pin D7 schwach, ist die Startsoftware des Photons beschädigt: Wenden Sie sich an den Particle-Support.</translation>
    </message>
    <message>
        <source>A faint D7 LED means a missing or corrupt bootloader: reflash it with a JTAG/SWD programmer.</source>
        <translation>Eine schwach leuchtende D7-LED bedeutet einen fehlenden oder beschädigten Bootloader: Flashen Sie ihn mit einem JTAG/SWD-Programmiergerät neu.</translation>
    </message>
</context>
<context>
    <name>LedPicker</name>
    <message>
        <source>For developers: {0}</source>
        <translation>Für Entwickler: {0}</translation>
    </message>
    <message>
        <source>Status lights to choose from</source>
        <translation>Statusanzeigen zur Auswahl</translation>
    </message>
    <message>
        <source>Pick the light that looks most like your Photon&apos;s; what it means follows.</source>
        <translation>Wählen Sie die Anzeige, die der Ihres Photons am ähnlichsten ist; darunter steht, was sie bedeutet.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Pick the light that looks most like your Photon&apos;s to see what to do.</source>
        <translation>Wählen Sie die Anzeige, die der Ihres Photons am ähnlichsten ist, um zu sehen, was zu tun ist.</translation>
    </message>
    <message>
        <source>What the chosen light means</source>
        <translation>Was die gewählte Anzeige bedeutet</translation>
    </message>
</context>
<context>
    <name>LedPickerDialog</name>
    <message>
        <source>My light looks different</source>
        <translation>Meine LED sieht anders aus</translation>
    </message>
</context>
<context>
    <name>LedWidget</name>
    <message>
        <source>Photon with its light: {0}</source>
        <translation>Photon mit seiner LED: {0}</translation>
    </message>
    <message>
        <source>The SETUP button, left of the light, is marked: hold it for about 3 seconds.</source>
        <translation>Die SETUP-Taste links neben der LED ist markiert: Halten Sie sie etwa 3 Sekunden lang gedrückt.</translation>
    </message>
    <message>
        <source>hold about 3 s</source>
        <translation>ca. 3 s halten</translation>
    </message>
</context>
<context>
    <name>ListeningPage</name>
    <message>
        <source>Make the light blink dark blue</source>
        <translation>LED dunkelblau blinken lassen</translation>
    </message>
    <message>
        <source>In this mode, called listening mode, the Photon waits to be set up.</source>
        <translation>In diesem Modus, dem Listening-Modus, wartet der Photon darauf, eingerichtet zu werden.</translation>
    </message>
    <message>
        <source>Hold the SETUP button for about 3 seconds, until the light on the Photon blinks dark blue, then let go. A new Photon does this by itself as soon as it has power.</source>
        <translation>Halten Sie die SETUP-Taste etwa 3 Sekunden lang gedrückt, bis die LED am Photon dunkelblau blinkt, und lassen Sie sie dann los. Ein neuer Photon tut das von selbst, sobald er Strom hat.</translation>
    </message>
    <message>
        <source>You can also plug the Photon into this computer with a USB data cable; this computer then keeps its own Wi-Fi.</source>
        <translation>Sie können den Photon auch mit einem USB-Datenkabel an diesen Computer anschließen; dieser Computer bleibt dann in seinem eigenen WLAN.</translation>
    </message>
    <message>
        <source>My light looks &amp;different…</source>
        <translation>Meine LED sieht &amp;anders aus …</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Photon Setup could not get ready ({error}). Try again; if that does not help, save a support report and send it to support.</source>
        <translation>Photon Setup konnte nicht startbereit werden ({error}). Versuchen Sie es erneut; wenn das nicht hilft, speichern Sie einen Supportbericht und senden Sie ihn an den Support.</translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>NamePage</name>
    <message>
        <source>Name your Photon</source>
        <translation>Photon benennen</translation>
    </message>
    <message>
        <source>Your Photon is online and yours. Give it a name you will recognise.</source>
        <translation>Ihr Photon ist online und gehört Ihnen. Geben Sie ihm einen Namen, an dem Sie ihn wiedererkennen.</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Letters, digits, “_” and “-”; for example kitchen_sensor.</source>
        <translation>Buchstaben, Ziffern, „_“ und „-“; zum Beispiel kuechen_sensor.</translation>
    </message>
    <message>
        <source>&amp;Skip naming</source>
        <translation>Benennen ü&amp;berspringen</translation>
    </message>
    <message>
        <source>The Photon keeps the name it has in the Particle Cloud.</source>
        <translation>Der Photon behält den Namen, den er in der Particle Cloud hat.</translation>
    </message>
    <message>
        <source>The Photon is online and the customer&apos;s. Give it a name they will know.</source>
        <translation>Der Photon ist online und gehört dem Kunden. Geben Sie ihm einen Namen, den der Kunde wiedererkennt.</translation>
    </message>
    <message>
        <source>Saving the name…</source>
        <translation>Name wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Hide password</source>
        <translation>Passwort verbergen</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <source>Wi-Fi password</source>
        <translation>WLAN-Passwort</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Keep this password on this computer</source>
        <translation>Dieses Passwort auf diesem Computer &amp;aufbewahren</translation>
    </message>
    <message>
        <source>Kept in this computer&apos;s keychain, never in a file, once a Photon has joined the network with it.</source>
        <translation>Im Schlüsselbund dieses Computers aufbewahrt, nie in einer Datei, sobald sich ein Photon damit mit dem WLAN verbunden hat.</translation>
    </message>
    <message>
        <source>The password goes straight to the Photon over the USB cable. This app keeps it in memory until it closes, so that the next Photon on this network does not ask for it again.</source>
        <translation>Das Passwort geht über das USB-Kabel direkt an den Photon. Diese App behält es im Arbeitsspeicher, bis sie geschlossen wird, damit der nächste Photon in diesem WLAN nicht erneut danach fragt.</translation>
    </message>
    <message>
        <source>The password is encrypted with the Photon&apos;s own key before it is sent. This app keeps it in memory until it closes, so that the next Photon on this network does not ask for it again.</source>
        <translation>Das Passwort wird vor dem Senden mit dem eigenen Schlüssel des Photons verschlüsselt. Diese App behält es im Arbeitsspeicher, bis sie geschlossen wird, damit beim nächsten Photon in diesem WLAN nicht erneut danach gefragt wird.</translation>
    </message>
    <message>
        <source>The password goes straight to the Photon over the USB cable, and this app does not keep it.</source>
        <translation>Das Passwort geht über das USB-Kabel direkt an den Photon, und diese App speichert es nicht.</translation>
    </message>
    <message>
        <source>The password is encrypted with the Photon&apos;s own key before it is sent, and this app does not keep it.</source>
        <translation>Das Passwort wird vor dem Senden mit dem eigenen Schlüssel des Photons verschlüsselt, und diese App speichert es nicht.</translation>
    </message>
    <message>
        <source>Enter the password of “%1” (%2).</source>
        <translation>Geben Sie das Passwort von „%1“ ein (%2).</translation>
    </message>
    <message>
        <source>Simulation: the password of “%1” is “%2”.</source>
        <translation>Simulation: Das Passwort von „%1“ lautet „%2“.</translation>
    </message>
    <message>
        <source>Looking for this network&apos;s password…</source>
        <translation>Suche nach dem Passwort dieses WLANs …</translation>
    </message>
    <message>
        <source>Filled in: the password a Photon joined “%s” with before.</source>
        <translation>Eingetragen: das Passwort, mit dem sich zuvor ein Photon mit „%s“ verbunden hat.</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <source>Product and client</source>
        <translation>Produkt und Client</translation>
    </message>
    <message>
        <source>Choose the product the Photons are for, and the product&apos;s OAuth client that opens its customers&apos; accounts.</source>
        <translation>Wählen Sie das Produkt, für das die Photons bestimmt sind, und den OAuth-Client des Produkts, der die Konten seiner Kunden öffnet.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>OAuth client</source>
        <translation>OAuth-Client</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Produkt:</translation>
    </message>
    <message>
        <source>OAuth &amp;client:</source>
        <translation>OAuth-&amp;Client:</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>&amp;Keep it in this computer&apos;s keychain</source>
        <translation>Im Schlüsselbund dieses Computers &amp;aufbewahren</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Secret:</translation>
    </message>
    <message>
        <source>This computer does not have this client&apos;s secret. Enter it as it was shown when the client was created, or create a new client.</source>
        <translation>Dieser Computer hat das Secret dieses Clients nicht. Geben Sie es so ein, wie es beim Anlegen des Clients angezeigt wurde, oder legen Sie einen neuen Client an.</translation>
    </message>
    <message>
        <source>Name of the new client</source>
        <translation>Name des neuen Clients</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>A client of type “installed”. Its secret goes straight to this computer&apos;s keychain and is never shown.</source>
        <translation>Ein Client vom Typ „installed“. Sein Secret kommt direkt in den Schlüsselbund dieses Computers und wird nie angezeigt.</translation>
    </message>
    <message>
        <source>The Particle Cloud shows a client&apos;s secret only once, when the client is created; this computer uses a client whose secret it keeps, never writes one to a file, and shows none.</source>
        <translation>Die Particle Cloud zeigt das Secret eines Clients nur einmal, beim Anlegen; dieser Computer verwendet einen Client, dessen Secret er aufbewahrt, schreibt keines in eine Datei und zeigt keines an.</translation>
    </message>
    <message>
        <source>Looking up your products…</source>
        <translation>Ihre Produkte werden abgefragt …</translation>
    </message>
    <message>
        <source>Your account is not on the team of any product. Ask the product&apos;s owner to add you to its team, then try again.</source>
        <translation>Ihr Konto gehört zu keinem Team eines Produkts. Bitten Sie den Inhaber des Produkts, Sie in sein Team aufzunehmen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Looking up the product&apos;s OAuth clients…</source>
        <translation>Die OAuth-Clients des Produkts werden abgefragt …</translation>
    </message>
    <message>
        <source>%s — secret not on this computer</source>
        <translation>%s — Secret nicht auf diesem Computer</translation>
    </message>
    <message>
        <source>Create a new client…</source>
        <translation>Neuen Client anlegen …</translation>
    </message>
    <message>
        <source>Creating the client…</source>
        <translation>Der Client wird angelegt …</translation>
    </message>
    <message>
        <source>Reading the client&apos;s secret from this computer&apos;s keychain…</source>
        <translation>Das Secret des Clients wird aus dem Schlüsselbund dieses Computers gelesen …</translation>
    </message>
    <message>
        <source>Keeping the client&apos;s secret…</source>
        <translation>Das Secret des Clients wird aufbewahrt …</translation>
    </message>
</context>
<context>
    <name>ResumePage</name>
    <message>
        <source>Resume the device in progress?</source>
        <translation>Das angefangene Gerät fortsetzen?</translation>
    </message>
    <message>
        <source>Photon Setup stopped while it was setting up a device for a customer.</source>
        <translation>Photon Setup wurde beendet, während es ein Gerät für einen Kunden eingerichtet hat.</translation>
    </message>
    <message>
        <source>The device in progress</source>
        <translation>Das angefangene Gerät</translation>
    </message>
    <message>
        <source>Mark it &amp;abandoned and set up a new device</source>
        <translation>Als &amp;aufgegeben markieren und ein neues Gerät einrichten</translation>
    </message>
    <message>
        <source>Listening mode</source>
        <translation>Listening-Modus</translation>
    </message>
    <message>
        <source>Waiting for the cloud</source>
        <translation>Warten auf die Cloud</translation>
    </message>
    <message>
        <source>Naming</source>
        <translation>Benennen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>The Photon had been told to join its Wi-Fi: this waits for it to come online as the customer&apos;s.</source>
        <translation>Der Photon war bereits angewiesen, sich mit seinem WLAN zu verbinden: Hier wird gewartet, bis er als Gerät des Kunden online ist.</translation>
    </message>
    <message>
        <source>The Photon was online and the customer&apos;s: this names it.</source>
        <translation>Der Photon war online und gehörte dem Kunden: Hier wird er benannt.</translation>
    </message>
    <message>
        <source>Nothing had reached the Photon for good: it starts again at “Listening mode”, for the same customer.</source>
        <translation>Noch nichts war endgültig beim Photon angekommen: Es geht wieder bei „Listening-Modus“ los, für denselben Kunden.</translation>
    </message>
    <message>
        <source>&amp;Resume: device for %1, at “%2”</source>
        <translation>&amp;Fortsetzen: Gerät für %1, bei „%2“</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>This device was being set up for the product “%s”. To resume it, go back and choose that product.</source>
        <translation>Dieses Gerät wurde für das Produkt „%s“ eingerichtet. Um es fortzusetzen, gehen Sie zurück und wählen Sie dieses Produkt.</translation>
    </message>
    <message>
        <source>Opening the customer&apos;s account again…</source>
        <translation>Das Konto des Kunden wird erneut geöffnet …</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <source>Ad hoc</source>
        <translation>Ad-hoc</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>WEP</source>
        <translation>WEP</translation>
    </message>
    <message>
        <source>WEP Shared</source>
        <translation>WEP (Shared Key)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>WPA Personal</source>
        <translation>WPA-Personal</translation>
    </message>
    <message>
        <source>WPA2 Personal</source>
        <translation>WPA2-Personal</translation>
    </message>
    <message>
        <source>WPA/WPA2 Personal</source>
        <translation>WPA/WPA2-Personal</translation>
    </message>
    <message>
        <source>WPA Enterprise</source>
        <translation>WPA-Enterprise</translation>
    </message>
    <message>
        <source>WPA2 Enterprise</source>
        <translation>WPA2-Enterprise</translation>
    </message>
    <message>
        <source>WPA/WPA2 Enterprise</source>
        <translation>WPA/WPA2-Enterprise</translation>
    </message>
</context>
<context>
    <name>SendingPage</name>
    <message>
        <source>Sending the settings to your Photon</source>
        <translation>Einstellungen werden an Ihren Photon gesendet</translation>
    </message>
    <message>
        <source>This takes a few seconds. Keep the USB cable plugged in.</source>
        <translation>Das dauert einige Sekunden. Lassen Sie das USB-Kabel eingesteckt.</translation>
    </message>
    <message>
        <source>Send the claim code over the cable</source>
        <translation>Claim-Code über das Kabel senden</translation>
    </message>
    <message>
        <source>Send the Wi-Fi settings over the cable</source>
        <translation>WLAN-Einstellungen über das Kabel senden</translation>
    </message>
    <message>
        <source>This takes a few seconds. Keep the Photon plugged in.</source>
        <translation>Das dauert ein paar Sekunden. Lassen Sie den Photon angeschlossen.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Senden …</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>%s Setup</source>
        <translation>%s einrichten</translation>
    </message>
    <message>
        <source>%s — Bench</source>
        <translation>%s — für Kunden</translation>
    </message>
    <message>
        <source>%s — Simulation</source>
        <translation>%s — Simulation</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Wird vorbereitet …</translation>
    </message>
    <message>
        <source>Stopping and reconnecting this computer to its Wi-Fi…</source>
        <translation>Wird beendet; dieser Computer wird wieder mit seinem WLAN verbunden …</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>you@example.com</source>
        <translation>sie@beispiel.de</translation>
    </message>
    <message>
        <source>E-mail address of %s</source>
        <translation>E-Mail-Adresse %s</translation>
    </message>
    <message>
        <source>Password of %s</source>
        <translation>Passwort %s</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet &amp;bleiben</translation>
    </message>
    <message>
        <source>The sign-in is kept in this computer&apos;s keychain, never in a file.</source>
        <translation>Die Anmeldung wird im Schlüsselbund dieses Computers aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Use &amp;another account</source>
        <translation>&amp;Anderes Konto verwenden</translation>
    </message>
    <message>
        <source>Signs out and removes a kept sign-in from this computer.</source>
        <translation>Meldet ab und entfernt eine aufbewahrte Anmeldung von diesem Computer.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in or create your account</source>
        <translation>Anmelden oder Konto erstellen</translation>
    </message>
    <message>
        <source>Your Photon will belong to this account. If there is no account for this e-mail yet, one is created with the password you enter.</source>
        <translation>Ihr Photon wird zu diesem Konto gehören. Gibt es für diese E-Mail-Adresse noch kein Konto, wird eines mit dem eingegebenen Passwort erstellt.</translation>
    </message>
    <message>
        <source>your account</source>
        <translation>Ihres Kontos</translation>
    </message>
    <message>
        <source>Simulation: any e-mail address and password work. A new account is created in the simulated Particle Cloud.</source>
        <translation>Simulation: Jede E-Mail-Adresse und jedes Passwort funktioniert. In der simulierten Particle Cloud wird ein neues Konto erstellt.</translation>
    </message>
    <message>
        <source>Looking for a kept sign-in…</source>
        <translation>Suche nach einer gespeicherten Anmeldung …</translation>
    </message>
    <message>
        <source>Signed in as %s.</source>
        <translation>Angemeldet als %s.</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmelden …</translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation>Ihr Konto wird geprüft …</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmelden …</translation>
    </message>
</context>
<context>
    <name>StaffSignInPage</name>
    <message>
        <source>Sign in with your Particle account</source>
        <translation>Mit Ihrem Particle-Konto anmelden</translation>
    </message>
    <message>
        <source>Use your own account, a member of the product&apos;s team. The Photons are claimed for the customers, not for you: your account only opens their accounts and checks the product&apos;s devices.</source>
        <translation>Verwenden Sie Ihr eigenes Konto, ein Mitglied im Team des Produkts. Die Photons werden für die Kunden beansprucht, nicht für Sie: Ihr Konto öffnet nur deren Konten und prüft die Geräte des Produkts.</translation>
    </message>
    <message>
        <source>your Particle account</source>
        <translation>Ihres Particle-Kontos</translation>
    </message>
    <message>
        <source>Simulation: sign in as “%1” with the password “%2”.</source>
        <translation>Simulation: Melden Sie sich als „%1“ mit dem Passwort „%2“ an.</translation>
    </message>
    <message>
        <source>Looking for a kept sign-in…</source>
        <translation>Suche nach einer gespeicherten Anmeldung …</translation>
    </message>
    <message>
        <source>Signed in as %s. This sign-in is kept on this computer.</source>
        <translation>Angemeldet als %s. Diese Anmeldung wird auf diesem Computer aufbewahrt.</translation>
    </message>
    <message>
        <source>Signed in as %s.</source>
        <translation>Angemeldet als %s.</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmelden …</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmelden …</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Get a claim code</source>
        <translation>Claim-Code abrufen</translation>
    </message>
    <message>
        <source>Connect to the Photon</source>
        <translation>Mit dem Photon verbinden</translation>
    </message>
    <message>
        <source>Read the Photon&apos;s ID and key</source>
        <translation>ID und Schlüssel des Photons lesen</translation>
    </message>
    <message>
        <source>Look for Wi-Fi networks</source>
        <translation>Nach WLANs suchen</translation>
    </message>
    <message>
        <source>Send the claim code</source>
        <translation>Claim-Code senden</translation>
    </message>
    <message>
        <source>Send the Wi-Fi settings</source>
        <translation>WLAN-Einstellungen senden</translation>
    </message>
    <message>
        <source>Tell the Photon to connect</source>
        <translation>Photon anweisen, sich zu verbinden</translation>
    </message>
    <message>
        <source>Reconnect this computer</source>
        <translation>Diesen Computer wieder verbinden</translation>
    </message>
    <message>
        <source>Photon joins your Wi-Fi</source>
        <translation>Photon verbindet sich mit Ihrem WLAN</translation>
    </message>
    <message>
        <source>Internet back on this computer</source>
        <translation>Internet auf diesem Computer wieder da</translation>
    </message>
    <message>
        <source>Photon online in the Particle Cloud</source>
        <translation>Photon online in der Particle Cloud</translation>
    </message>
    <message>
        <source>Name the Photon</source>
        <translation>Photon benennen</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>SupportReport</name>
    <message>
        <source>Save support report</source>
        <translation>Supportbericht speichern</translation>
    </message>
    <message>
        <source>Zip archive with logs (*.zip);;Text file (*.txt)</source>
        <translation>ZIP-Archiv mit Protokollen (*.zip);;Textdatei (*.txt)</translation>
    </message>
    <message>
        <source>Support report not saved</source>
        <translation>Supportbericht nicht gespeichert</translation>
    </message>
    <message>
        <source>The report could not be saved to %1 (%2). Choose another folder.</source>
        <translation>Der Bericht konnte nicht unter %1 gespeichert werden (%2). Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Support report saved</source>
        <translation>Supportbericht gespeichert</translation>
    </message>
    <message>
        <source>The report was saved to %s. It contains no passwords, tokens or claim codes; send it to support.</source>
        <translation>Der Bericht wurde unter %s gespeichert. Er enthält keine Passwörter, Tokens oder Claim-Codes; senden Sie ihn an den Support.</translation>
    </message>
</context>
<context>
    <name>TwoStepPage</name>
    <message>
        <source>Two-step verification</source>
        <translation>Bestätigung in zwei Schritten</translation>
    </message>
    <message>
        <source>Your Particle account asks for the code your authenticator app shows.</source>
        <translation>Ihr Particle-Konto verlangt den Code, den Ihre Authentifizierungs-App anzeigt.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Bestätigungscode</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>After ten failed sign-in attempts from one network, the Particle Cloud blocks sign-ins from that network for 30 minutes, so this app never tries a code by itself: check the code before you click Next.</source>
        <translation>Nach zehn fehlgeschlagenen Anmeldeversuchen aus einem Netzwerk sperrt die Particle Cloud Anmeldungen aus diesem Netzwerk für 30 Minuten, deshalb probiert diese App nie selbst einen Code: Prüfen Sie den Code, bevor Sie auf „Weiter“ klicken.</translation>
    </message>
    <message>
        <source>Simulation: the code is now “%s”; like an authenticator app&apos;s, it changes over time.</source>
        <translation>Simulation: Der Code lautet jetzt „%s“; wie in einer Authentifizierungs-App ändert er sich mit der Zeit.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Der Code wird geprüft …</translation>
    </message>
</context>
<context>
    <name>UsbBenchOffer</name>
    <message>
        <source>Set up all Photons on &amp;cables at once…</source>
        <translation>Alle Photons an USB-&amp;Kabeln gleichzeitig einrichten …</translation>
    </message>
    <message>
        <source>Photons plugged in by USB cable and blinking dark blue: %1. They can be set up at the same time, each for its own customer.</source>
        <translation>Per USB-Kabel angeschlossene Photons, die dunkelblau blinken: %1. Sie können gleichzeitig eingerichtet werden, jeder für seinen eigenen Kunden.</translation>
    </message>
</context>
<context>
    <name>UsbBenchPage</name>
    <message>
        <source>Photons on USB cables</source>
        <translation>Photons an USB-Kabeln</translation>
    </message>
    <message>
        <source>Every Photon plugged in and blinking dark blue is listed. Give each one its customer, then Start: they are set up at the same time, and this computer stays on its own Wi-Fi.</source>
        <translation>Jeder angeschlossene Photon, der dunkelblau blinkt, ist aufgeführt. Geben Sie jedem seinen Kunden, dann „Starten“: Sie werden gleichzeitig eingerichtet, und dieser Computer bleibt in seinem eigenen WLAN.</translation>
    </message>
    <message>
        <source>customer@example.com</source>
        <translation>kunde@beispiel.de</translation>
    </message>
    <message>
        <source>Customer for every Photon</source>
        <translation>Kunde für jeden Photon</translation>
    </message>
    <message>
        <source>Fills every row; a row can still be changed on its own.</source>
        <translation>Füllt jede Zeile; eine Zeile lässt sich danach noch einzeln ändern.</translation>
    </message>
    <message>
        <source>Wi-Fi network for every Photon</source>
        <translation>WLAN für jeden Photon</translation>
    </message>
    <message>
        <source>All for one &amp;customer:</source>
        <translation>Alle für einen &amp;Kunden:</translation>
    </message>
    <message>
        <source>&amp;Wi-Fi for all:</source>
        <translation>WLAN für &amp;alle:</translation>
    </message>
    <message>
        <source>P&amp;hotons plugged in:</source>
        <translation>Angeschlossene P&amp;hotons:</translation>
    </message>
    <message>
        <source>Photon</source>
        <translation>Photon</translation>
    </message>
    <message>
        <source>Customer&apos;s e-mail</source>
        <translation>E-Mail des Kunden</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Wi-Fi passwords</source>
        <translation>WLAN-Passwörter</translation>
    </message>
    <message>
        <source>Photons set up for another &amp;account before become the customer&apos;s</source>
        <translation>Photons, die schon für ein anderes K&amp;onto eingerichtet waren, gehen an den Kunden über</translation>
    </message>
    <message>
        <source>Without this, such a Photon stops with a message and is left as it is: set it up on its own to confirm.</source>
        <translation>Ohne dieses Häkchen hält ein solcher Photon mit einer Meldung an und bleibt, wie er ist: Richten Sie ihn einzeln ein, um es zu bestätigen.</translation>
    </message>
    <message>
        <source>&amp;One Photon at a time</source>
        <translation>&amp;Einen Photon nach dem anderen</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>S&amp;tarten</translation>
    </message>
    <message>
        <source>Sto&amp;p all</source>
        <translation>Alle sto&amp;ppen</translation>
    </message>
    <message>
        <source>Set up &amp;more</source>
        <translation>&amp;Mehr einrichten</translation>
    </message>
    <message>
        <source>&amp;Devices done…</source>
        <translation>Erledigte &amp;Geräte …</translation>
    </message>
    <message>
        <source>Photons on cables: %1. This list follows the cables.</source>
        <translation>Photons an Kabeln: %1. Diese Liste folgt den Kabeln.</translation>
    </message>
    <message>
        <source>No Photon on a cable yet. Plug one in and make its light blink dark blue (hold its SETUP button for 3 seconds); this list updates by itself.</source>
        <translation>Noch kein Photon an einem Kabel. Schließen Sie einen an und bringen Sie seine LED zum dunkelblauen Blinken (halten Sie seine SETUP-Taste 3 Sekunden lang gedrückt); diese Liste aktualisiert sich von selbst.</translation>
    </message>
    <message>
        <source>On the USB port %s</source>
        <translation>Am USB-Anschluss %s</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Password of “%s”</source>
        <translation>Passwort von „%s“</translation>
    </message>
    <message>
        <source>Password of “%s”:</source>
        <translation>Passwort von „%s“:</translation>
    </message>
    <message>
        <source>Plug in a Photon to start.</source>
        <translation>Schließen Sie einen Photon an, um zu starten.</translation>
    </message>
    <message>
        <source>Tick at least one Photon to start.</source>
        <translation>Haken Sie mindestens einen Photon an, um zu starten.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s e-mail for every ticked Photon.</source>
        <translation>Geben Sie für jeden angehakten Photon die E-Mail des Kunden ein.</translation>
    </message>
    <message>
        <source>Choose the Wi-Fi network for every ticked Photon.</source>
        <translation>Wählen Sie für jeden angehakten Photon das WLAN aus.</translation>
    </message>
    <message>
        <source>Enter the password of “%s”.</source>
        <translation>Geben Sie das Passwort von „%s“ ein.</translation>
    </message>
    <message>
        <source>Waiting to start</source>
        <translation>Wartet auf den Start</translation>
    </message>
    <message>
        <source>Setting up the Photons on cables…</source>
        <translation>Die Photons an den Kabeln werden eingerichtet …</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Online ✓</source>
        <translation>Online ✓</translation>
    </message>
    <message>
        <source>Online as “%1”, owned by %2.</source>
        <translation>Online als „%1“, gehört %2.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Stopped at “%1”: %2</source>
        <translation>Angehalten bei „%1“: %2</translation>
    </message>
    <message>
        <source>Device ID %1 on the USB port %2</source>
        <translation>Geräte-ID %1 am USB-Anschluss %2</translation>
    </message>
    <message>
        <source>Stopped: each Photon is listed as cancelled under Devices done.</source>
        <translation>Abgebrochen: Jeder Photon ist unter „Erledigte Geräte“ als abgebrochen aufgeführt.</translation>
    </message>
    <message>
        <source>Online, each owned by its customer: %1 of %2.</source>
        <translation>Online, jeder im Besitz seines Kunden: %1 von %2.</translation>
    </message>
    <message>
        <source>The other rows say where they stopped; Devices done lists every one.</source>
        <translation>Die übrigen Zeilen sagen, wo sie angehalten haben; „Erledigte Geräte“ führt jeden auf.</translation>
    </message>
</context>
<context>
    <name>UsbCableWidget</name>
    <message>
        <source>A Photon plugged into a computer with a USB cable</source>
        <translation>Ein Photon, per USB-Kabel an einen Computer angeschlossen</translation>
    </message>
    <message>
        <source>The Photon&apos;s light blinks dark blue: it is in listening mode.</source>
        <translation>Die LED des Photons blinkt dunkelblau: Er ist im Listening-Modus.</translation>
    </message>
</context>
<context>
    <name>WaitingPage</name>
    <message>
        <source>Your Photon is connecting</source>
        <translation>Ihr Photon verbindet sich</translation>
    </message>
    <message>
        <source>This usually takes under a minute. Watch the light on the Photon meanwhile.</source>
        <translation>Das dauert meist weniger als eine Minute. Beobachten Sie währenddessen die LED am Photon.</translation>
    </message>
    <message>
        <source>What the light means</source>
        <translation>Was die LED bedeutet</translation>
    </message>
    <message>
        <source>Start &amp;over with this Photon</source>
        <translation>Mit diesem Photon &amp;neu beginnen</translation>
    </message>
    <message>
        <source>Photon leaves listening mode</source>
        <translation>Photon verlässt den Listening-Modus</translation>
    </message>
    <message>
        <source>Waiting for the Photon to come online…</source>
        <translation>Warten, bis der Photon online ist …</translation>
    </message>
    <message>
        <source>Keeping the Wi-Fi password for the next Photon…</source>
        <translation>Das WLAN-Passwort wird für den nächsten Photon aufbewahrt …</translation>
    </message>
    <message>
        <source>Getting a new claim code for the customer…</source>
        <translation>Ein neuer Claim-Code für den Kunden wird abgerufen …</translation>
    </message>
    <message>
        <source>The Photon is back in listening mode. Reconnecting to it so you can fix the Wi-Fi settings…</source>
        <translation>Der Photon ist wieder im Listening-Modus. Die Verbindung zu ihm wird wiederhergestellt, damit Sie die WLAN-Einstellungen korrigieren können …</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Set up your %s</source>
        <translation>%s einrichten</translation>
    </message>
    <message>
        <source>This puts your Photon on your Wi-Fi and makes it yours in the Particle Cloud.</source>
        <translation>So kommt Ihr Photon in Ihr WLAN und gehört Ihnen in der Particle Cloud.</translation>
    </message>
    <message>
        <source>%s logo</source>
        <translation>%s-Logo</translation>
    </message>
    <message>
        <source>A Photon</source>
        <translation>Ein Photon</translation>
    </message>
    <message>
        <source>You need:</source>
        <translation>Sie brauchen:</translation>
    </message>
    <message>
        <source>your Photon, plugged in to power with a USB cable;</source>
        <translation>Ihren Photon, über ein USB-Kabel mit Strom versorgt;</translation>
    </message>
    <message>
        <source>Set up Photons for customers</source>
        <translation>Photons für Kunden einrichten</translation>
    </message>
    <message>
        <source>One Photon after another, each on its Wi-Fi and claimed for its customer, every one recorded on this computer.</source>
        <translation>Ein Photon nach dem anderen, jeder in seinem WLAN und für seinen Kunden beansprucht, jeder auf diesem Computer aufgezeichnet.</translation>
    </message>
    <message>
        <source>your own Particle account, on the product&apos;s team (and its two-step code);</source>
        <translation>Ihr eigenes Particle-Konto im Team des Produkts (und seinen Code für die Bestätigung in zwei Schritten);</translation>
    </message>
    <message>
        <source>the Photons, each plugged in to power with a USB cable;</source>
        <translation>die Photons, jeder über ein USB-Kabel mit Strom versorgt;</translation>
    </message>
    <message>
        <source>each customer&apos;s e-mail address, typed in or from a work list (CSV);</source>
        <translation>die E-Mail-Adresse jedes Kunden, eingetippt oder aus einer Arbeitsliste (CSV);</translation>
    </message>
    <message>
        <source>the name and password of the Wi-Fi each Photon should use (2.4 GHz: the Photon cannot use 5 GHz).</source>
        <translation>den Namen und das Passwort des WLANs, das jeder Photon nutzen soll (2,4 GHz: Der Photon kann kein 5 GHz nutzen).</translation>
    </message>
    <message>
        <source>the name and password of the Wi-Fi it should use (a 2.4 GHz network: the Photon cannot use 5 GHz);</source>
        <translation>den Namen und das Passwort des WLANs, das er nutzen soll (ein 2,4-GHz-Netzwerk: Der Photon kann kein 5 GHz nutzen);</translation>
    </message>
    <message>
        <source>an e-mail address and password for your account.</source>
        <translation>eine E-Mail-Adresse und ein Passwort für Ihr Konto.</translation>
    </message>
    <message>
        <source>About two minutes a Photon. For a minute in the middle of each, this computer leaves its Wi-Fi to talk to the Photon directly, then comes back by itself.</source>
        <translation>Etwa zwei Minuten pro Photon. Jeweils für eine Minute in der Mitte verlässt dieser Computer sein WLAN, um direkt mit dem Photon zu sprechen, und kehrt dann von selbst zurück.</translation>
    </message>
    <message>
        <source>It takes about five minutes. For a minute or two in the middle, this computer leaves your Wi-Fi to talk to the Photon directly, then comes back by itself.</source>
        <translation>Das dauert etwa fünf Minuten. Zwischendurch verlässt dieser Computer für ein, zwei Minuten Ihr WLAN, um direkt mit dem Photon zu sprechen, und kehrt dann von selbst zurück.</translation>
    </message>
    <message>
        <source>About two minutes a Photon, once you are signed in.</source>
        <translation>Etwa zwei Minuten pro Photon, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>It takes about five minutes.</source>
        <translation>Das dauert etwa fünf Minuten.</translation>
    </message>
</context>
<context>
    <name>Wifi</name>
    <message>
        <source>your usual Wi-Fi</source>
        <translation>Ihr gewohntes WLAN</translation>
    </message>
    <message>
        <source>The note about which Wi-Fi to restore is damaged; if your computer is not back on your usual Wi-Fi, choose it in the system Wi-Fi menu.</source>
        <translation>Die Notiz, welches WLAN wiederhergestellt werden soll, ist beschädigt; wenn Ihr Computer nicht wieder in Ihrem gewohnten WLAN ist, wählen Sie es im WLAN-Menü des Systems aus.</translation>
    </message>
    <message>
        <source>Reconnected to “{network}”.</source>
        <translation>Wieder mit „{network}“ verbunden.</translation>
    </message>
    <message>
        <source>This app can&apos;t list Wi-Fi networks here. Look in your Wi-Fi menu for a network whose name starts with “Photon-”.</source>
        <translation>Diese App kann hier keine WLANs auflisten. Suchen Sie in Ihrem WLAN-Menü nach einem Netzwerk, dessen Name mit „Photon-“ beginnt.</translation>
    </message>
    <message>
        <source>so you&apos;ll join the Photon&apos;s network yourself</source>
        <extracomment>The end of a sentence that says why the app cannot join Wi-Fi by itself.</extracomment>
        <translation>deshalb verbinden Sie sich selbst mit dem WLAN des Photons</translation>
    </message>
    <message>
        <source>NetworkManager (nmcli) is not installed, {by_hand}.</source>
        <translation>NetworkManager (nmcli) ist nicht installiert, {by_hand}.</translation>
    </message>
    <message>
        <source>macOS&apos;s networksetup tool was not found, {by_hand}.</source>
        <translation>Das macOS-Programm networksetup wurde nicht gefunden, {by_hand}.</translation>
    </message>
    <message>
        <source>Windows&apos; netsh tool was not found, {by_hand}.</source>
        <translation>Das Windows-Programm netsh wurde nicht gefunden, {by_hand}.</translation>
    </message>
    <message>
        <source>The app could not check this computer&apos;s Wi-Fi ({reason}), {by_hand}.</source>
        <translation>Die App konnte das WLAN dieses Computers nicht prüfen ({reason}), {by_hand}.</translation>
    </message>
    <message>
        <source>The app could not check this computer&apos;s Wi-Fi, {by_hand}.</source>
        <translation>Die App konnte das WLAN dieses Computers nicht prüfen, {by_hand}.</translation>
    </message>
    <message>
        <source>Automatic Wi-Fi joining is not available on this system, {by_hand}.</source>
        <translation>Automatisches Verbinden mit WLANs ist auf diesem System nicht möglich, {by_hand}.</translation>
    </message>
    <message>
        <source>The system tool “{tool}” is not installed, so the app can&apos;t change Wi-Fi by itself here.</source>
        <translation>Das Systemprogramm „{tool}“ ist nicht installiert, deshalb kann die App das WLAN hier nicht selbst wechseln.</translation>
    </message>
    <message>
        <source>“{tool}” did not finish within {seconds:g} seconds and was stopped. Try again; if it keeps happening, join the Photon&apos;s network by hand.</source>
        <translation>„{tool}“ war nach {seconds:g} Sekunden nicht fertig und wurde beendet. Versuchen Sie es erneut; wenn das immer wieder passiert, verbinden Sie sich von Hand mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>macOS asked for an administrator to {doing}. You&apos;ll join the Photon&apos;s network yourself from the Wi-Fi menu in the menu bar.</source>
        <translation>macOS hat einen Administrator verlangt, um {doing}. Sie verbinden sich selbst über das WLAN-Menü in der Menüleiste mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>macOS could not find the network to {doing}. Check that the Photon is blinking dark blue and close to this computer, then try again.</source>
        <translation>macOS hat das Netzwerk nicht gefunden, um {doing}. Prüfen Sie, ob der Photon dunkelblau blinkt und nahe bei diesem Computer ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>macOS could not {doing}. Check that the Photon is blinking dark blue, then try again, or join its network from the Wi-Fi menu in the menu bar.</source>
        <translation>macOS war es nicht möglich, {doing}. Prüfen Sie, ob der Photon dunkelblau blinkt, und versuchen Sie es dann erneut, oder verbinden Sie sich über das WLAN-Menü in der Menüleiste mit seinem WLAN.</translation>
    </message>
    <message>
        <source>macOS gave an unreadable list of Wi-Fi networks. Type the Photon&apos;s network name, or join it from the Wi-Fi menu in the menu bar.</source>
        <translation>macOS hat eine unlesbare Liste von WLANs geliefert. Geben Sie den Namen des Photon-WLANs ein oder verbinden Sie sich über das WLAN-Menü in der Menüleiste damit.</translation>
    </message>
    <message>
        <source>Wi-Fi is turned off on this Mac. Turn it on in the Wi-Fi menu in the menu bar (top right), then try again.</source>
        <translation>Das WLAN ist auf diesem Mac ausgeschaltet. Schalten Sie es im WLAN-Menü in der Menüleiste (oben rechts) ein und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>macOS could not list Wi-Fi networks. Type the Photon&apos;s network name, or join it from the Wi-Fi menu in the menu bar.</source>
        <translation>macOS konnte keine WLANs auflisten. Geben Sie den Namen des Photon-WLANs ein oder verbinden Sie sich über das WLAN-Menü in der Menüleiste damit.</translation>
    </message>
    <message>
        <source>macOS hides the names of Wi-Fi networks from this app (it would need Location Services permission). Type the code after “Photon-” shown in your Wi-Fi menu, or join the Photon&apos;s network from the menu yourself.</source>
        <translation>macOS verbirgt die Namen der WLANs vor dieser App (sie bräuchte dafür die Berechtigung für Ortungsdienste). Geben Sie den Code nach „Photon-“ ein, der in Ihrem WLAN-Menü steht, oder verbinden Sie sich selbst über das Menü mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>join “{network}”</source>
        <translation>sich mit „{network}“ zu verbinden</translation>
    </message>
    <message>
        <source>rejoin “{network}”</source>
        <translation>sich wieder mit „{network}“ zu verbinden</translation>
    </message>
    <message>
        <source>turn Wi-Fi off</source>
        <translation>das WLAN auszuschalten</translation>
    </message>
    <message>
        <source>Could not switch Wi-Fi back by itself: choose your usual network in the Wi-Fi menu in the menu bar.</source>
        <translation>Das WLAN ließ sich nicht von selbst zurückwechseln: Wählen Sie Ihr gewohntes Netzwerk im WLAN-Menü in der Menüleiste aus.</translation>
    </message>
    <message>
        <source>Wi-Fi is off: the app turned it off to leave the Photon&apos;s network but could not turn it back on. Turn Wi-Fi on in the Wi-Fi menu in the menu bar.</source>
        <translation>Das WLAN ist aus: Die App hat es ausgeschaltet, um das WLAN des Photons zu verlassen, konnte es aber nicht wieder einschalten. Schalten Sie das WLAN im WLAN-Menü in der Menüleiste ein.</translation>
    </message>
    <message>
        <source>Turned Wi-Fi off and on so macOS rejoins your usual network.</source>
        <translation>Das WLAN wurde aus- und wieder eingeschaltet, damit macOS sich wieder mit Ihrem gewohnten Netzwerk verbindet.</translation>
    </message>
    <message>
        <source>forget “{network}”</source>
        <translation>„{network}“ zu vergessen</translation>
    </message>
    <message>
        <source>macOS still remembers the Photon&apos;s network “{network}” and could join it again by itself. To remove it, open System Settings › Wi-Fi, click “…” next to “{network}” under Known Networks, and choose “Remove From List”.</source>
        <translation>macOS merkt sich das WLAN des Photons „{network}“ noch und könnte sich von selbst wieder damit verbinden. Zum Entfernen öffnen Sie Systemeinstellungen › WLAN, klicken unter „Bekannte Netzwerke“ neben „{network}“ auf „…“ und wählen „Aus Liste entfernen“.</translation>
    </message>
    <message>
        <source>macOS may still remember the Photon&apos;s network “{network}” and could join it again by itself. To remove it, open System Settings › Wi-Fi, click “…” next to “{network}” under Known Networks, and choose “Remove From List”.</source>
        <translation>macOS merkt sich das WLAN des Photons „{network}“ womöglich noch und könnte sich von selbst wieder damit verbinden. Zum Entfernen öffnen Sie Systemeinstellungen › WLAN, klicken unter „Bekannte Netzwerke“ neben „{network}“ auf „…“ und wählen „Aus Liste entfernen“.</translation>
    </message>
    <message>
        <source>turn Wi-Fi on</source>
        <translation>das WLAN einzuschalten</translation>
    </message>
    <message>
        <source>macOS reports no Wi-Fi adapter, so the app can&apos;t join the Photon&apos;s network by itself. If you have Wi-Fi, join it from the Wi-Fi menu in the menu bar.</source>
        <translation>macOS meldet keinen WLAN-Adapter, deshalb kann sich die App nicht selbst mit dem WLAN des Photons verbinden. Wenn Sie WLAN haben, verbinden Sie sich über das WLAN-Menü in der Menüleiste damit.</translation>
    </message>
    <message>
        <source>You chose to join the Photon&apos;s network yourself.</source>
        <translation>Sie haben sich entschieden, sich selbst mit dem WLAN des Photons zu verbinden.</translation>
    </message>
    <message>
        <source>the Wi-Fi menu in the menu bar (top right)</source>
        <translation>das WLAN-Menü in der Menüleiste (oben rechts)</translation>
    </message>
    <message>
        <source>the network icon in the taskbar (bottom right)</source>
        <translation>das Netzwerksymbol in der Taskleiste (unten rechts)</translation>
    </message>
    <message>
        <source>the network menu of your desktop (usually top or bottom right)</source>
        <translation>das Netzwerkmenü Ihres Desktops (meist oben oder unten rechts)</translation>
    </message>
    <message>
        <source>Open {menu} and join the network “{ssid}”. It is open: no password. If your computer warns that the network has no internet, choose to stay connected. This window continues by itself as soon as the Photon answers.</source>
        <translation>Öffnen Sie {menu} und verbinden Sie sich mit dem Netzwerk „{ssid}“. Es ist offen: kein Passwort. Wenn Ihr Computer warnt, dass das Netzwerk kein Internet hat, bleiben Sie trotzdem verbunden. Dieses Fenster macht von selbst weiter, sobald der Photon antwortet.</translation>
    </message>
    <message>
        <source>Open {menu} and join the network whose name starts with “{prefix}”. It is open: no password. If your computer warns that the network has no internet, choose to stay connected. This window continues by itself as soon as the Photon answers.</source>
        <translation>Öffnen Sie {menu} und verbinden Sie sich mit dem Netzwerk, dessen Name mit „{prefix}“ beginnt. Es ist offen: kein Passwort. Wenn Ihr Computer warnt, dass das Netzwerk kein Internet hat, bleiben Sie trotzdem verbunden. Dieses Fenster macht von selbst weiter, sobald der Photon antwortet.</translation>
    </message>
    <message>
        <source>Now reconnect to your usual Wi-Fi from {menu}. This window continues by itself once the internet is back.</source>
        <translation>Verbinden Sie sich jetzt über {menu} wieder mit Ihrem gewohnten WLAN. Dieses Fenster macht von selbst weiter, sobald das Internet wieder da ist.</translation>
    </message>
    <message>
        <source>“{ssid}” cannot be a Wi-Fi network name: names are at most {most} bytes and this one has {size}. Check what you typed against the name in your Wi-Fi menu.</source>
        <translation>„{ssid}“ kann kein WLAN-Name sein: Namen haben höchstens {most} Bytes, dieser hat {size}. Vergleichen Sie Ihre Eingabe mit dem Namen in Ihrem WLAN-Menü.</translation>
    </message>
    <message>
        <source>NetworkManager is not running, so you&apos;ll join the Photon&apos;s network yourself.</source>
        <translation>NetworkManager läuft nicht, deshalb verbinden Sie sich selbst mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>with the Wi-Fi key or switch on the computer, or by turning airplane mode off</source>
        <translation>mit der WLAN-Taste oder dem WLAN-Schalter am Computer ein oder schalten Sie den Flugmodus aus</translation>
    </message>
    <message>
        <source>in the network menu of your desktop</source>
        <translation>im Netzwerkmenü Ihres Desktops ein</translation>
    </message>
    <message>
        <source>Wi-Fi is turned off on this computer. Turn it on {where}, then try again.</source>
        <translation>Das WLAN ist auf diesem Computer ausgeschaltet. Schalten Sie es {where}; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>NetworkManager created the Photon connection but did not say its ID, so you&apos;ll join the Photon&apos;s network yourself from the system Wi-Fi menu.</source>
        <translation>NetworkManager hat die Photon-Verbindung angelegt, aber ihre ID nicht genannt, deshalb verbinden Sie sich selbst über das WLAN-Menü des Systems mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>NetworkManager did not allow this app to {doing} (not authorized). You&apos;ll join the Photon&apos;s network yourself from the system Wi-Fi menu.</source>
        <translation>NetworkManager hat dieser App nicht erlaubt, {doing} (nicht autorisiert). Sie verbinden sich selbst über das WLAN-Menü des Systems mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>NetworkManager could not {doing}: the network, connection or Wi-Fi adapter was not found. Check that the Photon is blinking dark blue, then try again.</source>
        <translation>NetworkManager war es nicht möglich, {doing}: Das Netzwerk, die Verbindung oder der WLAN-Adapter wurde nicht gefunden. Prüfen Sie, ob der Photon dunkelblau blinkt, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>NetworkManager could not {doing}. Check that the Photon is blinking dark blue and close to this computer, then try again.</source>
        <translation>NetworkManager war es nicht möglich, {doing}. Prüfen Sie, ob der Photon dunkelblau blinkt und nahe bei diesem Computer ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>NetworkManager did not manage to {doing} within {seconds} seconds. Move the Photon closer and try again.</source>
        <translation>NetworkManager hat es in {seconds} Sekunden nicht geschafft, {doing}. Bringen Sie den Photon näher heran und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>NetworkManager could not {doing}. Try again; if it keeps failing, join the Photon&apos;s network yourself from the system Wi-Fi menu.</source>
        <translation>NetworkManager war es nicht möglich, {doing}. Versuchen Sie es erneut; wenn es weiter nicht klappt, verbinden Sie sich selbst über das WLAN-Menü des Systems mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>NetworkManager does not allow this user to scan for Wi-Fi networks.</source>
        <translation>NetworkManager erlaubt diesem Benutzer nicht, nach WLANs zu suchen.</translation>
    </message>
    <message>
        <source>check whether Wi-Fi is on</source>
        <translation>zu prüfen, ob das WLAN eingeschaltet ist</translation>
    </message>
    <message>
        <source>list Wi-Fi networks</source>
        <translation>die WLANs aufzulisten</translation>
    </message>
    <message>
        <source>read the current connection</source>
        <translation>die aktuelle Verbindung zu lesen</translation>
    </message>
    <message>
        <source>connect to “{network}”</source>
        <translation>sich mit „{network}“ zu verbinden</translation>
    </message>
    <message>
        <source>Could not reconnect to “{network}”: choose it in the system Wi-Fi menu.</source>
        <translation>Die Verbindung mit „{network}“ ließ sich nicht wiederherstellen: Wählen Sie es im WLAN-Menü des Systems aus.</translation>
    </message>
    <message>
        <source>Could not reconnect to “{network}”; Wi-Fi is on “{current}” instead. If you need “{network}”, choose it in the system Wi-Fi menu.</source>
        <translation>Die Verbindung mit „{network}“ ließ sich nicht wiederherstellen; das WLAN ist stattdessen mit „{current}“ verbunden. Wenn Sie „{network}“ brauchen, wählen Sie es im WLAN-Menü des Systems aus.</translation>
    </message>
    <message>
        <source>reconnect to “{network}”</source>
        <translation>sich wieder mit „{network}“ zu verbinden</translation>
    </message>
    <message>
        <source>Could not remove the temporary connection “{name}”; you can delete it in the network settings.</source>
        <translation>Die vorübergehende Verbindung „{name}“ ließ sich nicht entfernen; Sie können sie in den Netzwerkeinstellungen löschen.</translation>
    </message>
    <message>
        <source>Removed the temporary Photon connection.</source>
        <translation>Die vorübergehende Photon-Verbindung wurde entfernt.</translation>
    </message>
    <message>
        <source>reconnect Wi-Fi</source>
        <translation>das WLAN wieder zu verbinden</translation>
    </message>
    <message>
        <source>remove the Photon connection</source>
        <translation>die Photon-Verbindung zu entfernen</translation>
    </message>
    <message>
        <source>check NetworkManager</source>
        <translation>NetworkManager zu prüfen</translation>
    </message>
    <message>
        <source>check NetworkManager permissions</source>
        <translation>die Berechtigungen in NetworkManager zu prüfen</translation>
    </message>
    <message>
        <source>NetworkManager does not allow this user to change Wi-Fi connections, so you&apos;ll join the Photon&apos;s network yourself from the system Wi-Fi menu.</source>
        <translation>NetworkManager erlaubt diesem Benutzer nicht, WLAN-Verbindungen zu ändern, deshalb verbinden Sie sich selbst über das WLAN-Menü des Systems mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>list network adapters</source>
        <translation>die Netzwerkadapter aufzulisten</translation>
    </message>
    <message>
        <source>check Wi-Fi</source>
        <translation>das WLAN zu prüfen</translation>
    </message>
    <message>
        <source>NetworkManager reports the Wi-Fi adapter as not ready (or not managed by it), so you&apos;ll join the Photon&apos;s network yourself from the system Wi-Fi menu once Wi-Fi works.</source>
        <translation>NetworkManager meldet den WLAN-Adapter als nicht bereit (oder nicht von ihm verwaltet), deshalb verbinden Sie sich selbst über das WLAN-Menü des Systems mit dem WLAN des Photons, sobald das WLAN funktioniert.</translation>
    </message>
    <message>
        <source>NetworkManager found no Wi-Fi adapter on this computer, so the app can&apos;t join the Photon&apos;s network by itself. If you have Wi-Fi, join it from the system menu.</source>
        <translation>NetworkManager hat auf diesem Computer keinen WLAN-Adapter gefunden, deshalb kann sich die App nicht selbst mit dem WLAN des Photons verbinden. Wenn Sie WLAN haben, verbinden Sie sich über das Systemmenü damit.</translation>
    </message>
    <message>
        <source>The simulated network “{ssid}” is not in range: its Photon is not in listening mode. Put it back in listening mode and try again.</source>
        <translation>Das simulierte Netzwerk „{ssid}“ ist nicht in Reichweite: Sein Photon ist nicht im Listening-Modus. Versetzen Sie ihn wieder in den Listening-Modus und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Joining the Photon&apos;s network “{ssid}”…</source>
        <translation>Verbindung mit dem WLAN des Photons „{ssid}“ …</translation>
    </message>
    <message>
        <source>Waiting for the Photon to answer…</source>
        <translation>Warten auf eine Antwort des Photons …</translation>
    </message>
    <message>
        <source>The Photon answers.</source>
        <translation>Der Photon antwortet.</translation>
    </message>
    <message>
        <source>within {seconds:g} seconds</source>
        <extracomment>A time limit, as in &quot;Nothing answered … {waited}.&quot;</extracomment>
        <translation>innerhalb von {seconds:g} Sekunden</translation>
    </message>
    <message>
        <source>Check that the Photon&apos;s light blinks dark blue (hold its SETUP button for about 3 seconds), then try again.</source>
        <translation>Prüfen Sie, ob die LED des Photons dunkelblau blinkt (halten Sie seine SETUP-Taste etwa 3 Sekunden lang gedrückt), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Nothing answered as a Photon at {address} {waited}. {advice}</source>
        <translation>Unter {address} hat {waited} kein Photon geantwortet. {advice}</translation>
    </message>
    <message>
        <source>Nothing answered as a Photon at {host} {waited}. Another connection of this computer ({connections}) also uses the Photon&apos;s addresses ({subnet}), so the app may be reaching your router instead of the Photon: unplug the network cable or turn off the connection that is not the Photon&apos;s Wi-Fi, then try again. {advice}</source>
        <translation>Unter {host} hat {waited} kein Photon geantwortet. Eine andere Verbindung dieses Computers ({connections}) nutzt ebenfalls die Adressen des Photons ({subnet}), deshalb erreicht die App womöglich Ihren Router statt des Photons: Ziehen Sie das Netzwerkkabel ab oder schalten Sie die Verbindung aus, die nicht das WLAN des Photons ist, und versuchen Sie es dann erneut. {advice}</translation>
    </message>
    <message>
        <source>Nothing answered as a Photon at {host} {waited}. Other connections of this computer ({connections}) also use the Photon&apos;s addresses ({subnet}), so the app may be reaching your router instead of the Photon: unplug the network cable or turn off the connection that is not the Photon&apos;s Wi-Fi, then try again. {advice}</source>
        <translation>Unter {host} hat {waited} kein Photon geantwortet. Andere Verbindungen dieses Computers ({connections}) nutzen ebenfalls die Adressen des Photons ({subnet}), deshalb erreicht die App womöglich Ihren Router statt des Photons: Ziehen Sie das Netzwerkkabel ab oder schalten Sie die Verbindung aus, die nicht das WLAN des Photons ist, und versuchen Sie es dann erneut. {advice}</translation>
    </message>
    <message>
        <source>Nothing answered as a Photon at {host} {waited}. Several connections of this computer ({connections}) use the Photon&apos;s addresses ({subnet}), so the app may be reaching your router instead of the Photon: unplug the network cable or turn off the connection that is not the Photon&apos;s Wi-Fi, then try again. {advice}</source>
        <translation>Unter {host} hat {waited} kein Photon geantwortet. Mehrere Verbindungen dieses Computers ({connections}) nutzen die Adressen des Photons ({subnet}), deshalb erreicht die App womöglich Ihren Router statt des Photons: Ziehen Sie das Netzwerkkabel ab oder schalten Sie die Verbindung aus, die nicht das WLAN des Photons ist, und versuchen Sie es dann erneut. {advice}</translation>
    </message>
    <message>
        <source> on “{name}”</source>
        <translation> auf „{name}“</translation>
    </message>
    <message>
        <source>This computer has the address {address}{where}, the kind the Photon hands out, but nothing answered as a Photon at {host} {waited}. Your own router may use the same addresses, so the computer may still be on your usual network. {advice}</source>
        <translation>Dieser Computer hat die Adresse {address}{where}, wie sie der Photon vergibt, aber unter {host} hat {waited} kein Photon geantwortet. Ihr eigener Router nutzt womöglich dieselben Adressen, also ist der Computer vielleicht noch in Ihrem gewohnten Netzwerk. {advice}</translation>
    </message>
    <message>
        <source>The Photon did not answer {waited}, and this computer has no address from the Photon&apos;s network ({subnet}), so it is probably not joined to it. {advice}</source>
        <translation>Der Photon hat {waited} nicht geantwortet, und dieser Computer hat keine Adresse aus dem WLAN des Photons ({subnet}), ist also wahrscheinlich nicht damit verbunden. {advice}</translation>
    </message>
    <message>
        <source>Your Wi-Fi was not changed.</source>
        <translation>Ihr WLAN wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Reconnecting to {network}…</source>
        <translation>Verbindung wird wiederhergestellt: {network} …</translation>
    </message>
    <message>
        <source>This computer is still on the Photon&apos;s network “{photon}”: choose {network} in {menu}.</source>
        <translation>Dieser Computer ist noch mit dem WLAN des Photons „{photon}“ verbunden: Wählen Sie {network} über {menu} aus.</translation>
    </message>
    <message>
        <source>Could not give the Wi-Fi back automatically: choose {network} in {menu}.</source>
        <translation>Das WLAN ließ sich nicht automatisch zurückgeben: Wählen Sie {network} über {menu} aus.</translation>
    </message>
    <message>
        <source>An earlier session may have left this computer on “{photon}”. If so, choose {network} in {menu}.</source>
        <translation>Eine frühere Sitzung hat diesen Computer womöglich mit „{photon}“ verbunden zurückgelassen. Wählen Sie in diesem Fall {network} über {menu} aus.</translation>
    </message>
    <message>
        <source>The internet is back.</source>
        <translation>Das Internet ist wieder da.</translation>
    </message>
    <message>
        <source>This computer could not list the Wi-Fi networks nearby. Type the name of the network the Photon should join.</source>
        <translation>Dieser Computer konnte die WLANs in der Nähe nicht auflisten. Geben Sie den Namen des WLANs ein, mit dem sich der Photon verbinden soll.</translation>
    </message>
    <message>
        <source>Wi-Fi is turned off on this computer, so it cannot list the networks nearby. Type the name of the network the Photon should join, or turn Wi-Fi on and look again.</source>
        <translation>Das WLAN ist auf diesem Computer ausgeschaltet, daher kann er die WLANs in der Nähe nicht auflisten. Geben Sie den Namen des WLANs ein, mit dem sich der Photon verbinden soll, oder schalten Sie das WLAN ein und suchen Sie erneut.</translation>
    </message>
    <message>
        <source>macOS hides the names of Wi-Fi networks from this app (it would need Location Services permission). Type the name of the network the Photon should join.</source>
        <translation>macOS verbirgt die Namen der WLANs vor dieser App (sie bräuchte dafür die Berechtigung für Ortungsdienste). Geben Sie den Namen des WLANs ein, mit dem sich der Photon verbinden soll.</translation>
    </message>
    <message>
        <source>Windows lets apps see and change Wi-Fi only with location access turned on (Settings › Privacy &amp; security › Location › “Let desktop apps access your location”). Turn it on and start again, or join the Photon&apos;s network yourself from the network icon in the taskbar.</source>
        <translation>Windows lässt Apps WLANs nur sehen und wechseln, wenn der Standortzugriff eingeschaltet ist (Einstellungen › Datenschutz und Sicherheit › Standort › „Desktop-Apps den Zugriff auf Ihren Standort erlauben“). Schalten Sie ihn ein und beginnen Sie neu, oder verbinden Sie sich selbst über das Netzwerksymbol in der Taskleiste mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>Check that the Photon is blinking dark blue and close to this computer, then try again, or join its network from the network icon in the taskbar.</source>
        <translation>Prüfen Sie, ob der Photon dunkelblau blinkt und nahe bei diesem Computer ist, und versuchen Sie es dann erneut, oder verbinden Sie sich über das Netzwerksymbol in der Taskleiste mit seinem WLAN.</translation>
    </message>
    <message>
        <source>Try again; if it keeps failing, join the Photon&apos;s network yourself from the network icon in the taskbar.</source>
        <translation>Versuchen Sie es erneut; wenn es weiter nicht klappt, verbinden Sie sich selbst über das Netzwerksymbol in der Taskleiste mit dem WLAN des Photons.</translation>
    </message>
    <message>
        <source>Windows could not {doing}. {advice}</source>
        <translation>Windows war es nicht möglich, {doing}. {advice}</translation>
    </message>
    <message>
        <source>Wi-Fi is turned off on this computer. Turn it on from the network icon in the taskbar (bottom right), or turn airplane mode off, then try again.</source>
        <translation>Das WLAN ist auf diesem Computer ausgeschaltet. Schalten Sie es über das Netzwerksymbol in der Taskleiste (unten rechts) ein oder schalten Sie den Flugmodus aus, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>read the current Wi-Fi</source>
        <translation>das aktuelle WLAN zu lesen</translation>
    </message>
    <message>
        <source>Windows could not list Wi-Fi networks. Type the Photon&apos;s network name, or join it from the network icon in the taskbar.</source>
        <translation>Windows konnte keine WLANs auflisten. Geben Sie den Namen des Photon-WLANs ein oder verbinden Sie sich über das Netzwerksymbol in der Taskleiste damit.</translation>
    </message>
    <message>
        <source>list Wi-Fi profiles</source>
        <translation>die WLAN-Profile aufzulisten</translation>
    </message>
    <message>
        <source>save a profile for the Photon&apos;s network</source>
        <translation>ein Profil für das WLAN des Photons zu speichern</translation>
    </message>
    <message>
        <source>remove the Photon&apos;s profile</source>
        <translation>das Profil des Photons zu entfernen</translation>
    </message>
    <message>
        <source>Could not remove the temporary Wi-Fi profile “{name}”; you can forget that network in Settings › Network &amp; internet › Wi-Fi.</source>
        <translation>Das vorübergehende WLAN-Profil „{name}“ ließ sich nicht entfernen; Sie können dieses Netzwerk unter Einstellungen › Netzwerk und Internet › WLAN vergessen.</translation>
    </message>
    <message>
        <source>Removed the temporary Photon profile.</source>
        <translation>Das vorübergehende Photon-Profil wurde entfernt.</translation>
    </message>
    <message>
        <source>Could not reconnect to “{network}”: choose it from the network icon in the taskbar.</source>
        <translation>Die Verbindung mit „{network}“ ließ sich nicht wiederherstellen: Wählen Sie es über das Netzwerksymbol in der Taskleiste aus.</translation>
    </message>
    <message>
        <source>Windows rejoins a network it joins automatically.</source>
        <translation>Windows verbindet sich wieder mit einem Netzwerk, mit dem es sich automatisch verbindet.</translation>
    </message>
    <message>
        <source>Windows reports no Wi-Fi adapter (or its WLAN service is stopped), so the app can&apos;t join the Photon&apos;s network by itself. If you have Wi-Fi, join it from the network icon in the taskbar.</source>
        <translation>Windows meldet keinen WLAN-Adapter (oder sein WLAN-Dienst ist beendet), deshalb kann sich die App nicht selbst mit dem WLAN des Photons verbinden. Wenn Sie WLAN haben, verbinden Sie sich über das Netzwerksymbol in der Taskleiste damit.</translation>
    </message>
</context>
<context>
    <name>WorkList</name>
    <message>
        <source>Could not read the work list {path}: {reason}.</source>
        <translation>Die Arbeitsliste {path} ließ sich nicht lesen: {reason}.</translation>
    </message>
    <message>
        <source>The work list has a password column. Wi-Fi passwords never go in this file: remove the column; the bench asks for each network&apos;s password once.</source>
        <translation>Die Arbeitsliste hat eine Passwortspalte. WLAN-Passwörter gehören nie in diese Datei: Entfernen Sie die Spalte; die App fragt einmal nach dem Passwort jedes WLANs.</translation>
    </message>
    <message>
        <source>A work list holds at most {n} rows.</source>
        <translation>Eine Arbeitsliste hat höchstens {n} Zeilen.</translation>
    </message>
    <message>
        <source>Line {line}: expected 3 columns (customer e-mail, device name, Wi-Fi network), found {count}.</source>
        <translation>Zeile {line}: 3 Spalten erwartet (E-Mail-Adresse des Kunden, Gerätename, WLAN), gefunden: {count}.</translation>
    </message>
    <message>
        <source>Line {line}: “{value}” is not an e-mail address.</source>
        <translation>Zeile {line}: „{value}“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Zeile {line}: {problem}</translation>
    </message>
    <message>
        <source>Line {line}: a Wi-Fi network&apos;s name has 1 to 32 bytes.</source>
        <translation>Zeile {line}: Der Name eines WLANs hat 1 bis 32 Bytes.</translation>
    </message>
    <message>
        <source>The work list has no rows.</source>
        <translation>Die Arbeitsliste hat keine Zeilen.</translation>
    </message>
</context>
<context>
    <name>_NetworkDelegate</name>
    <message>
        <source>Wi-Fi network</source>
        <translation>WLAN</translation>
    </message>
</context>
</TS>
