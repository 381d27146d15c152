# The notice a visitor reads before sharing data. Short sentences, everyday words, second person.

title = How { $brand } uses your data
brand-missing = [your brand]
list-and = and
# Items of a list that each end in this share it once, at the end of the group.
list-on-our-site = on our site

heading-who = Who is asking
heading-what = What we collect and why
heading-get = What you get in return
heading-recipients = Who else receives it
heading-retention = How long we keep it
heading-basis = Why we may use it
heading-choices = Your choices

who-brand = { $brand } is asking for this data.
who-contact = Questions about your data? Contact us at { $contact }.
who-partner = { $partner } runs this personalization on our behalf.
who-security = Read how we keep your data safe: { $page }.

collect-line = We collect { $data } { $purposes }.
collect-line-no-purpose = We collect { $data }, and we have not told you why.
collect-nothing = We do not collect any personal data for this.

get-immediate = Right away: { $offer }.
get-ongoing = Over time: { $benefit }.
get-email = With your email address, you get: { $promise }.
get-login = When you log in: { $benefit }.
get-nothing = We offer nothing in return for this data.

recipient-line = { $name } gets { $data }. { $kind }
kind-ad-platform = It is an advertising platform. It uses the data to show you our ads on other sites.
kind-analytics = It measures how people use our site for us.
kind-processor = It works for us and may not use your data for anything else.
kind-partner = It is a partner. It uses your data for its own purposes too.
recipients-none = Nobody outside { $brand } gets your data.

retention-line = We keep { $data } for { $duration }.
duration-days = { $count ->
    [one] one day
   *[other] { $n } days
}
duration-months = { $count ->
    [one] one month
   *[other] { $n } months
}
duration-years = { $count ->
    [one] one year
   *[other] { $n } years
}

basis-line = { $basis }: { $data }.
basis-consent = Because you said yes
basis-contract = To carry out our contract with you
basis-legal-obligation = Because the law requires us to
basis-vital-interests = To protect your life or health
basis-public-interest = In the public interest
basis-legitimate-interests = For a legitimate business interest, which you can object to
basis-email-soft-opt-in = Because you bought from us before, though you never said yes to our emails
basis-email-not-asked = Without asking you first
choices-consent-first = We ask you before we collect anything.
choices-consent-first-some = We ask you before we collect { $data }.
choices-consent-late = We collect some data before we ask you: { $data }.
choices-opt-out-link = To opt out, use this link: { $url }.
choices-opt-out-centre = To change your choices, go to { $url }.
choices-opt-out-stop = To stop text messages, reply STOP.
choices-opt-out-centre-or-account = To change your choices, go to { $url } or to your account settings.
choices-opt-out-account = You can change your choices in your account settings.
choices-opt-out-none = There is no way to opt out yet.
choices-rights = You can ask us to show, fix or delete your data.
data-email = your email address
data-phone = your phone number
data-address = your postal address
data-postal-code = your postal code
data-name = your name
data-first-name = your first name
data-last-name = your last name
data-age = your age
data-birthday = your date of birth
data-gender = your gender
data-language = your first language
data-marital-status = your marital status
data-household = who lives in your home
data-income = your income
data-income-band = your income band
data-ethnicity = your ethnic origin
data-religion = your religion or beliefs
data-politics = your political views
    .number = plural
data-union = your trade union membership
data-orientation = your sexual orientation
data-national-origin = your national origin
data-health = information about your health
data-biometric = your biometric data, such as your face or fingerprint
data-genetic = your genetic data
data-precise-location = where you are, to within a few metres
data-country = the country you are in
data-browsing = the pages you visit on our site
    .number = plural
data-purchases = what you buy from us
data-cart = what you put in your cart
data-searches = what you search for on our site
data-preferences = the preferences you set
    .number = plural
data-saved-items = the items you save
    .number = plural
data-email-engagement = which of our emails you open and click
data-cookie = a cookie that recognises your browser
data-device = the kind of device you use
data-loyalty = your loyalty level
data-account-preferences = the settings in your account
    .number = plural
data-tenure = how long you have been a customer
data-session = whether you are logged in
data-other = other data

use-essential = to make the site work
use-personalize-limited = { $topic ->
    [browsing] to show you products like the ones you viewed
    [searches] to show you what matches your searches
    [purchases] to suggest things that go with what you bought
    [cart] to remind you of what you left in it
    [preferences] to show you what you told us you like
    [saved] to show you the items you saved
    [engagement] to send you more of what you read
    [contact] to reach you
    [name] to greet you by name
    [location] to show you what is offered where you are
    [device] to fit our pages to your device
    [account] to show you what fits your account
    [purchases-left-out] to leave out what you have already bought
   *[personal] to choose what we show you
}
use-personalize-profiling = { $topic ->
    [personal] to guess what you might like from who you are, and choose what we show you
   *[other] to learn what you like and choose what we show you
}
use-email = to send you emails
use-sms = to send you text messages
use-ads = to show you our ads on other sites
use-analytics = to see how people use our site
use-sharing = to share it with the companies named below
use-identification = to know it is you when you come back
use-nearest-store = to find the store nearest to you
use-age-check = to check that you are old enough to buy what we sell
list-or = or
list-nor = nor
collect-line-undeclared = We use { $data }, and we have not yet said why.
collect-source = We got this from { $source }, not from you: { $data }.
collect-source-unknown = We did not get this from you, and we have not yet told you where it came from: { $data }.
profile-lookalike = We also compare what we know about you with what we know about our existing customers, to find people who are like them.
profile-line = We use { $data } to work out what you are likely to want. That decides { $decides }. This is called profiling.
profile-what-you-do = what you do on our site
decides-offers = which offers you see
decides-products = which products we suggest
decides-emails = what our emails show you
decides-questions = which questions we ask you
decides-ads = which of our ads you see on other sites
decides-content = what you see on our site
recipient-partner = { $partner } handles your data on our behalf, only to run this personalization.
recipients-none-else = Apart from { $partner }, nobody outside { $brand } gets your data.
retention-unknown = We have not yet said how long we keep { $data }.
choices-consent-unknown = We have not yet said whether we ask you before we use { $data }.
choices-withdraw = You can take back your consent at any time, with the options above.
choices-complain = If you think we misuse your data, you can complain to a data protection authority: { $authority }.
choices-complain-any = If you think we misuse your data, you can complain to the data protection authority where you live.

# "Why am I seeing this?", one or two sentences per zone.
why-zone = { $zone }: { $text }
# What the full notice calls a zone that has no headline in the visitor's language.
why-zone-banner = The banner
why-zone-recommendations = The recommendations
why-zone-recently-viewed = Your recently viewed items
why-zone-purchase-history = Your past orders
why-zone-saved-items = Your saved items
why-zone-form = The form
why-zone-progressive-form = The step-by-step form
why-zone-email = The email we send you
why-zone-pop-up = The pop-up
why-value-yes = yes
why-value-no = no
why-question = Why am I seeing this?
heading-why = Why you see this
why-everyone = Everyone who visits sees this. It is not chosen from what you do.
why-because = You see this because { $reasons }.
why-one-of = at least one of these is true (we do not record which): { $list }
why-not-all = not all of these are true: { $list }
why-none-of = none of these is true: { $list }
why-logged-in = you are logged in
why-anonymous = you are not logged in
why-model = a score we work out from { $data } also counted
why-intent = { $did } { $count } { $window }
why-intent-no-count = { $did } { $window }
why-did-page-view = you viewed { $target }
why-didnt-page-view = you have not viewed { $target }
why-did-category-view = you viewed { $target }
why-didnt-category-view = you have not viewed { $target }
why-did-product-click = you clicked { $target }
why-didnt-product-click = you have not clicked { $target }
why-did-add-to-cart = you added { $target } to your cart
why-didnt-add-to-cart = you have not added { $target } to your cart
why-did-purchase = you bought { $target }
why-didnt-purchase = you have not bought { $target }
why-did-search = you searched for { $target }
why-didnt-search = you have not searched for { $target }
why-did-preference-set = you set { $target } as a preference
why-didnt-preference-set = you have not set { $target } as a preference
why-did-email-engagement = you opened or clicked { $target }
why-didnt-email-engagement = you have not opened or clicked { $target }
why-did-catalog-affinity = you showed a steady interest in { $target }
why-didnt-catalog-affinity = you have not shown a steady interest in { $target }
why-target-anything = { $action ->
    [page-view] { $negated ->
        [yes] any page
       *[no] pages on our site
    }
    [category-view] { $negated ->
        [yes] any category
       *[no] a category
    }
    [product-click] { $negated ->
        [yes] any product
       *[no] a product
    }
    [email-engagement] { $negated ->
        [yes] any of our emails
       *[no] one of our emails
    }
   *[other] { $negated ->
        [yes] anything
       *[no] something
    }
}
# "Not ... anything" as one phrase, where a language says it in a word of its own (rien, nada).
why-didnt-add-to-cart-anything = you have not added anything to your cart
why-didnt-purchase-anything = you have not bought anything
why-didnt-search-anything = you have not searched for anything
why-didnt-preference-set-anything = you have not set any preferences
why-target-page = the page “{ $name }”
why-target-category = the “{ $name }” category
why-target-product = the product “{ $name }”
why-target-brand = the brand “{ $name }”
why-target-style = the “{ $name }” style
why-target-search-term = “{ $name }”
why-target-preference = “{ $name }”
why-quoted = “{ $name }”
why-count = { $kind ->
    [at-least] { $count ->
        [one] at least once
        [2] at least twice
       *[other] at least { $n } times
    }
    [at-most] { $count ->
        [one] at most once
        [2] at most twice
       *[other] at most { $n } times
    }
   *[exactly] { $count ->
        [one] once
        [2] exactly twice
       *[other] exactly { $n } times
    }
}
why-window = { $days ->
    [one] in the last day
   *[other] in the last { $n } days
}
why-attr = { $data } { $number ->
    [plural] { $op ->
        [is-not] are not { $value }
        [none-of] are not { $value }
        [at-least] are at least { $value }
        [at-most] are at most { $value }
        [below] are below { $value }
        [above] are above { $value }
       *[is] are { $value }
    }
   *[singular] { $op ->
        [is-not] is not { $value }
        [none-of] is not { $value }
        [at-least] is at least { $value }
        [at-most] is at most { $value }
        [below] is below { $value }
        [above] is above { $value }
       *[is] is { $value }
    }
}
# The age, in the visitor's own words ("you are 18 or older"), rather than "your age is ...".
why-attr-age = { $op ->
    [is-not] you are not { $value }
    [none-of] you are not { $value }
    [at-least] you are { $value } or older
    [at-most] you are { $value } or younger
    [below] you are under { $value }
    [above] you are over { $value }
   *[is] you are { $value }
}
why-shows-viewed = It lists items you looked at recently.
why-shows-bought = It lists things you bought from us.
why-shows-saved = It lists the items you saved.
why-shows-form = It asks for one more detail each time you visit.
why-shows-email = It is part of an email we send to your address.
why-picks = The suggestions are based on { $sources }.
why-picks-without = The suggestions are based on { $sources }, leaving out { $left }.
why-from-trending = what is popular with everyone right now
why-from-viewed-together = items often viewed with the ones you looked at
why-from-bought-together = items often bought with the ones you bought
why-from-similar = items like the ones you looked at
why-from-recently-viewed = items you looked at recently
why-from-replenishment = things you buy regularly
why-without-purchased = what you already bought
why-without-viewed = what you looked at recently

# Attributes as a "why" sentence names them, as the subject of "is ...".
attr-age = your age
attr-date-of-birth = your date of birth
attr-gender = your gender
attr-race-ethnicity = your ethnic origin
attr-religion = your religion or beliefs
    .number = plural
attr-political-opinion = your political views
    .number = plural
attr-trade-union = your trade union membership
attr-health-condition = your health condition
attr-sexual-orientation = your sexual orientation
attr-genetic-data = your genetic data
attr-biometric-data = your biometric data
attr-national-origin = your national origin
attr-postal-code = your postal code
attr-surname = your surname
attr-first-language = your first language
attr-precise-location = where you are
attr-neighbourhood-income = the income band of your neighbourhood
attr-income = your income
attr-marital-status = your marital status
attr-household-children = the number of children in your home
attr-country = your country
attr-loyalty-tier = your loyalty level
attr-email-opt-in = your answer to whether you want our emails
attr-device-type = the device you use
attr-customer-since = the year of your first order
attr-logged-in = your login status
attr-preferred-store = the store you chose
attr-site-language = the site language you chose
attr-email-opt-in-yes = you signed up for our emails
attr-email-opt-in-no = you have not signed up for our emails
attr-logged-in-yes = you are logged in
attr-logged-in-no = you are not logged in
attr-loyalty-tier-none = you have no loyalty level yet
attr-loyalty-tier-not-none = you have a loyalty level

# Typed text shown in another language, because it has no translation yet.
foreign-text = { $text } ({ $language })
language-en = in English
language-es = in Spanish
language-fr = in French

# Small numbers are written as words, larger ones in figures.
number-2 = two
number-3 = three
number-4 = four
number-5 = five
number-6 = six
number-7 = seven
number-8 = eight
number-9 = nine

# The values of a list attribute, as a "why" sentence gives them after "is": attr-value-ATTRIBUTE-VALUE.
attr-value-gender-female = female
attr-value-gender-male = male
attr-value-gender-non-binary = non-binary
attr-value-gender-another-gender = another gender
attr-value-neighbourhood-income-low = low
attr-value-neighbourhood-income-middle = middle
attr-value-neighbourhood-income-high = high
attr-value-income-low = low
attr-value-income-middle = in the middle range
attr-value-income-high = high
attr-value-marital-status-single = single
attr-value-marital-status-married = married
attr-value-marital-status-in-a-partnership = in a partnership
attr-value-marital-status-separated = separated
attr-value-marital-status-widowed = widowed
attr-value-loyalty-tier-none = none
attr-value-loyalty-tier-silver = silver
attr-value-loyalty-tier-gold = gold
attr-value-loyalty-tier-platinum = platinum
attr-value-device-type-mobile = a phone
attr-value-device-type-tablet = a tablet
attr-value-device-type-desktop = a computer

# Countries by their two-letter code, as a "why" sentence names them after "is". A code not listed
# here is shown as typed, in quotes.
country-AT = Austria
country-BE = Belgium
country-BG = Bulgaria
country-HR = Croatia
country-CY = Cyprus
country-CZ = Czechia
country-DK = Denmark
country-EE = Estonia
country-FI = Finland
country-FR = France
country-DE = Germany
country-GR = Greece
country-HU = Hungary
country-IE = Ireland
country-IT = Italy
country-LV = Latvia
country-LT = Lithuania
country-LU = Luxembourg
country-MT = Malta
country-NL = the Netherlands
country-PL = Poland
country-PT = Portugal
country-RO = Romania
country-SK = Slovakia
country-SI = Slovenia
country-ES = Spain
country-SE = Sweden
country-IS = Iceland
country-LI = Liechtenstein
country-NO = Norway
country-CH = Switzerland
country-GB = the United Kingdom
country-MC = Monaco
country-AD = Andorra
country-US = the United States
country-CA = Canada
country-MX = Mexico
country-BR = Brazil
country-AR = Argentina
country-CL = Chile
country-CO = Colombia
country-PE = Peru
country-UY = Uruguay
country-MA = Morocco
country-DZ = Algeria
country-TN = Tunisia
country-SN = Senegal
country-CI = Côte d'Ivoire
country-JP = Japan
country-CN = China
country-IN = India
country-AU = Australia
country-NZ = New Zealand
country-ZA = South Africa
country-TR = Türkiye
