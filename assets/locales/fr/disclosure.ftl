# La notice qu'un visiteur lit avant de partager ses données. Phrases courtes, mots de tous les
# jours, vouvoiement.

title = Ce que fait { $brand } de vos données
brand-missing = [votre marque]
list-and = et
# Les éléments d'une liste qui se terminent ainsi le partagent une seule fois.
list-on-our-site = sur notre site

heading-who = Qui vous les demande
heading-what = Ce que nous recueillons et pourquoi
heading-get = Ce que vous y gagnez
heading-recipients = Qui d'autre les reçoit
heading-retention = Combien de temps nous les gardons
heading-basis = Pourquoi nous avons le droit de les utiliser
heading-choices = Vos choix

who-brand = C'est { $brand } qui vous demande ces données.
who-contact = Une question sur vos données ? { $kind ->
    [web] Contactez-nous via { $contact }.
   *[email] Écrivez-nous à { $contact }.
}
who-partner = { $partner } se charge, pour notre compte, de personnaliser ce que vous voyez.
who-security = Voici comment nous protégeons vos données : { $page }.

collect-line = Nous enregistrons { $data } { $purposes }.
collect-line-no-purpose = Nous enregistrons { $data }, mais nous ne vous avons pas encore dit pourquoi.
collect-nothing = Nous ne recueillons aucune donnée personnelle pour cela.

get-immediate = Tout de suite : { $offer }.
get-ongoing = Au fil du temps : { $benefit }.
get-email = Avec votre adresse e-mail, vous recevez : { $promise }.
get-login = Quand vous vous connectez : { $benefit }.
get-nothing = Nous ne vous offrons rien en échange de ces données.

recipient-line = { $name } reçoit { $data }. { $kind }
kind-ad-platform = C'est une plateforme publicitaire. Elle s'en sert pour vous montrer nos annonces sur d'autres sites.
kind-analytics = Ce service mesure pour nous l'usage de notre site.
kind-processor = Ce prestataire travaille pour nous et ne peut rien faire d'autre de vos données.
kind-partner = C'est un partenaire. Il utilise aussi vos données pour son propre compte.
recipients-none = { $brand } ne transmet vos données à personne.
retention-line = Nous gardons { $data } pendant { $duration }.
duration-days = { $count ->
    [one] un jour
   *[other] { $n } jours
}
duration-months = { $count ->
    [one] un mois
   *[other] { $n } mois
}
duration-years = { $count ->
    [one] un an
   *[other] { $n } ans
}

basis-line = { $basis } : { $data }.
basis-consent = Parce que vous avez dit oui
basis-contract = Pour exécuter notre contrat avec vous
basis-legal-obligation = Parce que la loi nous y oblige
basis-vital-interests = Pour protéger votre vie ou votre santé
basis-public-interest = Dans l'intérêt public
basis-legitimate-interests = Pour un intérêt légitime de l'entreprise, auquel vous pouvez vous opposer
basis-email-soft-opt-in = Parce que vous avez déjà acheté chez nous, même si vous n'avez jamais accepté de recevoir nos e-mails
basis-email-not-asked = Sans vous l'avoir demandé
choices-consent-first = Nous vous demandons votre accord avant de recueillir quoi que ce soit.
choices-consent-first-some = Nous vous demandons votre accord avant d'enregistrer { $data }.
choices-consent-late = Nous recueillons certaines données avant de vous demander votre accord : { $data }.
choices-opt-out-link = Pour vous désinscrire, utilisez ce lien : { $url }.
choices-opt-out-centre = Pour changer vos choix, allez sur { $url }.
choices-opt-out-stop = Pour ne plus recevoir de SMS, répondez STOP.
choices-opt-out-centre-or-account = Pour changer vos choix, allez sur { $url } ou dans les réglages de votre compte.
choices-opt-out-account = Vous pouvez changer vos choix dans les réglages de votre compte.
choices-opt-out-none = Il n'existe pour l'instant aucun moyen de refuser.
choices-rights = Vous pouvez nous demander de vous montrer vos données, de les corriger ou de les effacer.
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
    .number = plural
data-income-band = votre tranche de revenus
data-ethnicity = votre origine ethnique
data-religion = votre religion ou vos convictions
data-politics = vos opinions politiques
    .number = plural
data-union = votre appartenance syndicale
data-orientation = votre orientation sexuelle
data-national-origin = votre origine nationale
data-health = les informations sur votre santé
    .number = plural
data-biometric = vos données biométriques, comme votre visage ou votre empreinte
    .number = plural
data-genetic = vos données génétiques
    .number = plural
data-precise-location = l'endroit où vous êtes, à quelques mètres près
data-country = le pays où vous êtes
data-browsing = les pages que vous consultez sur notre site
    .number = plural
data-purchases = votre historique d'achats
data-cart = ce que vous mettez dans votre panier
data-searches = ce que vous cherchez sur notre site
data-preferences = les préférences que vous choisissez
    .number = plural
data-saved-items = les articles que vous mettez de côté
    .number = plural
data-email-engagement = les e-mails que vous ouvrez et ceux où vous cliquez
data-cookie = un cookie qui reconnaît votre navigateur
data-device = le type d'appareil que vous utilisez
data-loyalty = votre niveau de fidélité
data-account-preferences = les réglages de votre compte
    .number = plural
data-tenure = depuis quand vous êtes client
data-session = si vous êtes connecté
data-other = d'autres données

use-essential = pour que le site fonctionne
use-personalize-limited = { $topic ->
    [browsing] pour vous montrer des produits proches de ceux que vous avez consultés
    [searches] pour vous montrer ce qui correspond à vos recherches
    [purchases] pour vous suggérer ce qui va avec vos achats
    [cart] pour vous rappeler ce que vous y avez laissé
    [preferences] pour vous montrer ce que vous nous avez dit aimer
    [saved] pour vous montrer les articles que vous avez mis de côté
    [engagement] pour vous envoyer d'autres contenus comme ceux que vous lisez
    [contact] pour vous contacter
    [name] pour vous saluer personnellement
    [location] pour vous montrer ce que nous proposons là où vous êtes
    [device] pour adapter nos pages à votre appareil
    [account] pour adapter ce que nous vous montrons à votre compte
    [purchases-left-out] pour ne pas vous suggérer ce que vous avez déjà acheté
   *[personal] pour choisir ce que nous vous montrons
}
use-personalize-profiling = { $topic ->
    [personal] pour déduire ce qui pourrait vous plaire d'après qui vous êtes, et choisir ce que nous vous montrons
   *[other] pour connaître vos goûts et choisir ce que nous vous montrons
}
use-email = pour vous envoyer des e-mails
use-sms = pour vous envoyer des SMS
use-ads = pour vous montrer nos annonces sur d'autres sites
use-analytics = pour voir comment notre site est utilisé
use-sharing = pour les partager avec les entreprises nommées plus bas
use-identification = pour vous reconnaître quand vous revenez
use-nearest-store = pour trouver le magasin le plus proche
use-age-check = pour vérifier que la loi vous permet d'acheter ce que nous vendons
list-or = ou
list-nor = ni
collect-line-undeclared = Nous utilisons { $data }, et nous ne vous avons pas encore dit pourquoi.
collect-source = Nous avons obtenu { $data } non pas auprès de vous, mais auprès de { $source }.
collect-source-unknown = Nous tenons { $data } d'une autre source que vous, et nous ne vous avons pas encore dit laquelle.
profile-lookalike = Nous comparons aussi ce que nous savons de vous avec ce que nous savons de nos clients actuels, pour trouver des personnes qui leur ressemblent.
profile-line = Nous utilisons { $data } pour déduire ce qui peut vous intéresser. Cela détermine { $decides }. C'est ce qu'on appelle le profilage.
profile-what-you-do = ce que vous faites sur notre site
decides-offers = quelles offres vous voyez
decides-products = quels produits nous vous suggérons
decides-emails = le contenu de nos e-mails
decides-questions = quelles questions nous vous posons
decides-ads = lesquelles de nos publicités vous voyez sur d'autres sites
decides-content = ce que vous voyez sur notre site
recipient-partner = { $partner } utilise vos données pour notre compte, et uniquement pour personnaliser ce que vous voyez.
recipients-none-else = { $brand } ne transmet vos données à personne d'autre que { $partner }.
retention-unknown = Nous ne vous avons pas encore dit combien de temps nous gardons { $data }.
choices-consent-unknown = Nous ne vous avons pas encore dit si nous vous demandons votre accord avant d'utiliser { $data }.
choices-withdraw = Vous pouvez retirer votre accord à tout moment grâce aux options ci-dessus.
choices-complain = Si vous pensez que nous utilisons mal vos données, vous pouvez adresser une réclamation à une autorité de protection des données : { $authority }.
choices-complain-any = Si vous pensez que nous utilisons mal vos données, vous pouvez adresser une réclamation à l'autorité de protection des données du pays où vous résidez.
# « Pourquoi je vois ceci ? » : une ou deux phrases par zone.
why-zone = { $zone } : { $text }
# Comment l'avis complet nomme une zone sans titre dans la langue du visiteur.
why-zone-banner = La bannière
why-zone-recommendations = Les recommandations
why-zone-recently-viewed = Vos articles consultés récemment
why-zone-purchase-history = Vos commandes précédentes
why-zone-saved-items = Vos articles mis de côté
why-zone-form = Le formulaire
why-zone-progressive-form = Le formulaire en plusieurs étapes
why-zone-email = L'e-mail que nous vous envoyons
why-zone-pop-up = La fenêtre pop-up
why-value-yes = oui
why-value-no = non
why-question = Pourquoi je vois ce contenu ?
heading-why = Pourquoi vous voyez ce contenu
why-everyone = Tous les visiteurs voient ce contenu. Il n'est pas choisi d'après ce que vous faites.
why-because = Vous voyez ce contenu car { $reasons }.
why-one-of = au moins une de ces conditions est remplie (nous n'enregistrons pas laquelle) : { $list }
why-not-all = ces conditions ne sont pas toutes remplies : { $list }
why-none-of = aucune de ces conditions n'est remplie : { $list }
why-logged-in = votre session est ouverte
why-anonymous = vous naviguez sans vous connecter
why-model = nous avons aussi tenu compte d'un score calculé d'après { $data }
why-intent = { $did } { $count } { $window }
why-intent-no-count = { $did } { $window }
why-did-page-view = vous avez consulté { $target }
why-didnt-page-view = vous n'avez pas consulté { $target }
why-did-category-view = vous avez consulté { $target }
why-didnt-category-view = vous n'avez pas consulté { $target }
why-did-product-click = vous avez cliqué sur { $target }
why-didnt-product-click = vous n'avez pas cliqué sur { $target }
why-did-add-to-cart = vous avez ajouté { $target } à votre panier
why-didnt-add-to-cart = vous n'avez pas ajouté { $target } à votre panier
why-did-purchase = vous avez acheté { $target }
why-didnt-purchase = vous n'avez pas acheté { $target }
why-did-search = vous avez cherché { $target }
why-didnt-search = vous n'avez pas cherché { $target }
why-did-preference-set = vous avez indiqué { $target } dans vos préférences
why-didnt-preference-set = vous n'avez pas indiqué { $target } dans vos préférences
why-did-email-engagement = vous avez ouvert { $target } ou cliqué sur un lien à l'intérieur
why-didnt-email-engagement = vous n'avez ni ouvert { $target }, ni cliqué sur un lien à l'intérieur
why-did-catalog-affinity = vous avez montré un intérêt soutenu pour { $target }
why-didnt-catalog-affinity = vous n'avez pas montré d'intérêt soutenu pour { $target }
why-target-anything = { $action ->
    [page-view] { $negated ->
        [yes] de page
       *[no] des pages de notre site
    }
    [category-view] { $negated ->
        [yes] de catégorie
       *[no] une catégorie
    }
    [product-click] { $negated ->
        [yes] un seul produit
       *[no] un produit
    }
    [email-engagement] { $negated ->
        [yes] d'e-mail de notre part
       *[no] un de nos e-mails
    }
   *[other] { $negated ->
        [yes] quoi que ce soit
       *[no] quelque chose
    }
}
# « Ne … rien » plutôt que la forme générale avec « quoi que ce soit ».
why-didnt-add-to-cart-anything = vous n'avez rien ajouté à votre panier
why-didnt-purchase-anything = vous n'avez rien acheté
why-didnt-search-anything = vous n'avez fait aucune recherche
why-didnt-preference-set-anything = vous n'avez indiqué aucune préférence
why-target-page = la page « { $name } »
why-target-category = la catégorie « { $name } »
why-target-product = le produit « { $name } »
why-target-brand = la marque « { $name } »
why-target-style = le style « { $name } »
why-target-search-term = « { $name } »
why-target-preference = « { $name } »
why-quoted = « { $name } »
why-count = { $kind ->
    [at-least] { $count ->
        [one] au moins une fois
       *[other] au moins { $n } fois
    }
    [at-most] { $count ->
        [one] au plus une fois
       *[other] au plus { $n } fois
    }
   *[exactly] { $count ->
        [one] une seule fois
       *[other] exactement { $n } fois
    }
}
why-window = { $days ->
    [one] au cours des dernières 24 heures
   *[other] au cours des { $n } derniers jours
}
why-attr = { $data } { $number ->
    [plural] { $op ->
        [is-not] ne sont pas { $value }
        [none-of] ne correspondent à aucune de ces valeurs : { $values }
        [at-least] sont d'au moins { $value }
        [at-most] sont d'au plus { $value }
        [below] sont de moins de { $value }
        [above] sont de plus de { $value }
       *[is] sont { $value }
    }
   *[singular] { $op ->
        [is-not] n'est pas { $value }
        [none-of] ne correspond à aucune de ces valeurs : { $values }
        [at-least] est d'au moins { $value }
        [at-most] est d'au plus { $value }
        [below] est de moins de { $value }
        [above] est de plus de { $value }
       *[is] est { $value }
    }
}
# L'âge, dit comme on le dirait (« vous avez au moins 18 ans »), et non « votre âge est… ».
why-attr-age = { $op ->
    [is-not] vous n'avez pas { $value } ans
    [none-of] vous n'avez pas { $value } ans
    [at-least] vous avez au moins { $value } ans
    [at-most] vous avez au plus { $value } ans
    [below] vous avez moins de { $value } ans
    [above] vous avez plus de { $value } ans
   *[is] vous avez { $value } ans
}
why-shows-viewed = Vous y retrouvez les articles que vous avez consultés récemment.
why-shows-bought = Vous y retrouvez vos achats précédents.
why-shows-saved = Vous y retrouvez les articles que vous avez mis de côté.
why-shows-form = Ce formulaire vous demande une information de plus à chaque visite.
why-shows-email = Cela fait partie d'un e-mail que nous envoyons à votre adresse.
why-picks = Nous vous suggérons { $sources }.
why-picks-without = Nous vous suggérons { $sources }, mais jamais { $left }.
why-from-trending = ce qui plaît le plus en ce moment
why-from-viewed-together = des articles que d'autres clients consultent souvent avec ceux que vous avez vus
why-from-bought-together = des articles que d'autres clients achètent souvent avec ceux que vous avez achetés
why-from-similar = des articles semblables à ceux que vous avez regardés
why-from-recently-viewed = les articles que vous avez consultés récemment
why-from-replenishment = ce que vous achetez régulièrement
why-without-purchased = ce que vous avez déjà acheté
why-without-viewed = ce que vous avez consulté récemment

# Les attributs tels que les nomme une phrase « pourquoi », comme sujet de « est… ».
attr-age = votre âge
attr-date-of-birth = votre date de naissance
attr-gender = votre genre
attr-race-ethnicity = votre origine ethnique
attr-religion = votre religion ou vos convictions
    .number = plural
attr-political-opinion = vos opinions politiques
    .number = plural
attr-trade-union = votre appartenance syndicale
attr-health-condition = votre état de santé
attr-sexual-orientation = votre orientation sexuelle
attr-genetic-data = vos données génétiques
    .number = plural
attr-biometric-data = vos données biométriques
    .number = plural
attr-national-origin = votre origine nationale
attr-postal-code = votre code postal
attr-surname = votre nom de famille
attr-first-language = votre langue maternelle
attr-precise-location = l'endroit où vous êtes
attr-neighbourhood-income = le niveau de revenus de votre quartier
attr-income = vos revenus
    .number = plural
attr-marital-status = votre situation familiale
attr-household-children = le nombre d'enfants dans votre foyer
attr-country = votre pays
attr-loyalty-tier = votre niveau de fidélité
attr-email-opt-in = votre accord pour recevoir nos e-mails
attr-device-type = l'appareil que vous utilisez
attr-customer-since = l'année de votre première commande
attr-logged-in = l'état de votre session
attr-preferred-store = le magasin que vous avez choisi
attr-site-language = la langue que vous avez choisie pour le site
attr-email-opt-in-yes = vous avez accepté de recevoir nos e-mails
attr-email-opt-in-no = vous n'avez pas accepté de recevoir nos e-mails
attr-logged-in-yes = votre session est ouverte
attr-logged-in-no = vous naviguez sans vous connecter
attr-loyalty-tier-none = vous n'avez pas encore de niveau de fidélité
attr-loyalty-tier-not-none = vous avez un niveau de fidélité

# Texte saisi affiché dans une autre langue, faute de traduction.
foreign-text = { $text } ({ $language })
language-en = en anglais
language-es = en espagnol
language-fr = en français

# Small numbers are written as words, larger ones in figures.
number-2 = deux
number-3 = trois
number-4 = quatre
number-5 = cinq
number-6 = six
number-7 = sept
number-8 = huit
number-9 = neuf

# Les valeurs d'un attribut à liste, telles qu'une phrase « pourquoi » les donne après « est » : attr-value-ATTRIBUT-VALEUR.
attr-value-gender-female = féminin
attr-value-gender-male = masculin
attr-value-gender-non-binary = non binaire
attr-value-gender-another-gender = autre
attr-value-neighbourhood-income-low = faible
attr-value-neighbourhood-income-middle = moyen
attr-value-neighbourhood-income-high = élevé
attr-value-income-low = faibles
attr-value-income-middle = moyens
attr-value-income-high = élevés
attr-value-marital-status-single = célibataire
attr-value-marital-status-married = marié(e)
attr-value-marital-status-in-a-partnership = en couple
attr-value-marital-status-separated = séparé(e)
attr-value-marital-status-widowed = veuf(ve)
attr-value-loyalty-tier-none = « aucun »
attr-value-loyalty-tier-silver = argent
attr-value-loyalty-tier-gold = or
attr-value-loyalty-tier-platinum = platine
attr-value-device-type-mobile = un mobile
attr-value-device-type-tablet = une tablette
attr-value-device-type-desktop = un ordinateur

# Les pays par leur code à deux lettres, tels qu'une phrase « pourquoi » les nomme après « est ». Un code
# absent d'ici s'affiche tel quel, entre guillemets.
country-AT = l'Autriche
country-BE = la Belgique
country-BG = la Bulgarie
country-HR = la Croatie
country-CY = Chypre
country-CZ = la Tchéquie
country-DK = le Danemark
country-EE = l'Estonie
country-FI = la Finlande
country-FR = la France
country-DE = l'Allemagne
country-GR = la Grèce
country-HU = la Hongrie
country-IE = l'Irlande
country-IT = l'Italie
country-LV = la Lettonie
country-LT = la Lituanie
country-LU = le Luxembourg
country-MT = Malte
country-NL = les Pays-Bas
country-PL = la Pologne
country-PT = le Portugal
country-RO = la Roumanie
country-SK = la Slovaquie
country-SI = la Slovénie
country-ES = l'Espagne
country-SE = la Suède
country-IS = l'Islande
country-LI = le Liechtenstein
country-NO = la Norvège
country-CH = la Suisse
country-GB = le Royaume-Uni
country-MC = Monaco
country-AD = l'Andorre
country-US = les États-Unis
country-CA = le Canada
country-MX = le Mexique
country-BR = le Brésil
country-AR = l'Argentine
country-CL = le Chili
country-CO = la Colombie
country-PE = le Pérou
country-UY = l'Uruguay
country-MA = le Maroc
country-DZ = l'Algérie
country-TN = la Tunisie
country-SN = le Sénégal
country-CI = la Côte d'Ivoire
country-JP = le Japon
country-CN = la Chine
country-IN = l'Inde
country-AU = l'Australie
country-NZ = la Nouvelle-Zélande
country-ZA = l'Afrique du Sud
country-TR = la Turquie
