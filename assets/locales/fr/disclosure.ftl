# La notice qu'un visiteur lit avant de partager ses données. Phrases courtes, mots de tous les
# jours, vouvoiement.

title = Ce que { $brand } fait de vos données
brand-missing = [votre marque]
list-and = et

heading-who = Qui vous le demande
heading-what = Ce que nous recueillons, et pourquoi
heading-get = Ce que vous y gagnez
heading-recipients = Qui d'autre les reçoit
heading-retention = Combien de temps nous les gardons
heading-basis = Ce qui nous permet de les utiliser
heading-choices = Vos choix

who-brand = C'est { $brand } qui vous demande ces données.
who-contact = Une question sur vos données ? Écrivez-nous à { $contact }.
who-partner = { $partner } gère cette personnalisation pour nous.
who-security = Voici comment nous protégeons vos données : { $page }.

collect-line = Nous recueillons { $data } { $purposes }.
collect-line-no-purpose = Nous recueillons { $data }, sans vous avoir dit pourquoi.
collect-nothing = Nous ne recueillons aucune donnée personnelle pour cela.

get-immediate = Tout de suite : { $offer }.
get-ongoing = Avec le temps : { $benefit }.
get-email = Avec votre adresse e-mail, vous recevez : { $promise }.
get-login = Quand vous vous connectez : { $benefit }.
get-nothing = Nous ne vous offrons rien en échange de ces données.

recipient-line = { $name } reçoit { $data }. { $kind }
kind-ad-platform = C'est une plateforme publicitaire. Elle s'en sert pour vous montrer nos annonces sur d'autres sites.
kind-analytics = Elle mesure pour nous l'usage de notre site.
kind-processor = Elle travaille pour nous et ne peut rien faire d'autre de vos données.
kind-partner = C'est un partenaire. Il utilise aussi vos données pour son propre compte.
recipients-none = Personne en dehors de { $brand } ne reçoit vos données.

retention-line = Nous gardons { $data } pendant { $duration }.
duration-visit = le temps de votre visite
duration-days = { $count ->
    [one] un jour
   *[other] { $count } jours
}
duration-months = { $count ->
    [one] un mois
   *[other] { $count } mois
}
duration-years = { $count ->
    [one] un an
   *[other] { $count } ans
}

basis-line = { $basis } : { $data }.
basis-consent = Vous avez dit oui
basis-contract = Nous en avons besoin pour notre contrat avec vous
basis-legal-obligation = La loi nous oblige à le garder
basis-vital-interests = Cela protège votre vie ou votre santé
basis-public-interest = Cela sert l'intérêt public
basis-legitimate-interests = Nous avons une raison commerciale légitime, et vous pouvez vous y opposer

choices-consent-first = Nous vous demandons votre accord avant de recueillir quoi que ce soit.
choices-consent-late = Nous recueillons certaines données avant de vous demander votre accord : { $data }.
choices-profiling = Nous utilisons ce que vous faites sur notre site pour choisir ce que nous vous montrons. C'est ce qu'on appelle le profilage.
choices-opt-out-link = Pour arrêter, utilisez ce lien : { $url }.
choices-opt-out-centre = Pour changer vos choix, allez sur { $url }.
choices-opt-out-stop = Pour ne plus recevoir de SMS, répondez STOP.
choices-opt-out-account = Vous pouvez le désactiver dans les réglages de votre compte.
choices-opt-out-none = Il n'y a encore aucun moyen de refuser.
choices-rights = Vous pouvez nous demander de voir, corriger ou effacer vos données. Vous pouvez retirer votre accord à tout moment.

data-email = votre adresse e-mail
data-phone = votre numéro de téléphone
data-address = votre adresse postale
data-postal-code = votre code postal
data-name = votre nom
data-first-name = votre prénom
data-last-name = votre nom de famille
data-age = votre âge
data-birthday = votre date de naissance
data-gender = votre genre
data-language = votre langue maternelle
data-marital-status = votre situation familiale
data-household = qui vit chez vous
data-income = vos revenus
data-ethnicity = votre origine ethnique
data-religion = votre religion ou vos convictions
data-politics = vos opinions politiques
data-union = votre appartenance syndicale
data-orientation = votre orientation sexuelle
data-national-origin = votre origine nationale
data-health = votre santé
data-biometric = vos données biométriques, comme votre visage ou votre empreinte
data-genetic = vos données génétiques
data-precise-location = l'endroit où vous êtes, à quelques mètres près
data-country = le pays où vous êtes
data-browsing = les pages que vous visitez sur notre site
data-purchases = ce que vous nous achetez
data-searches = ce que vous cherchez sur notre site
data-preferences = les préférences que vous choisissez
data-saved-items = les articles que vous mettez de côté
data-email-engagement = les e-mails que vous ouvrez et ceux où vous cliquez
data-cookie = un cookie qui reconnaît votre navigateur
data-device = le type d'appareil que vous utilisez
data-loyalty = votre niveau de fidélité
data-account-preferences = les réglages de votre compte
data-tenure = depuis quand vous êtes client
data-session = si vous êtes connecté
data-other = d'autres données

use-essential = pour que le site fonctionne
use-personalize-limited = pour vous montrer ce qui correspond à ce que vous faites
use-personalize-profiling = pour savoir ce que vous aimez et choisir ce que vous voyez
use-email = pour vous envoyer des e-mails
use-sms = pour vous envoyer des SMS
use-ads = pour vous montrer nos annonces sur d'autres sites
use-analytics = pour voir comment notre site est utilisé
use-sharing = pour les partager avec les entreprises nommées plus bas
use-identification = pour vous reconnaître quand vous revenez
use-nearest-store = pour trouver le magasin le plus proche
