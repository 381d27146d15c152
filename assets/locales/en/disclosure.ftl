# The notice a visitor reads before sharing data. Short sentences, everyday words, second person.

title = How { $brand } uses your data
brand-missing = [your brand]
list-and = and

heading-who = Who is asking
heading-what = What we collect and why
heading-get = What you get in return
heading-recipients = Who else receives it
heading-retention = How long we keep it
heading-basis = Why we may use it
heading-choices = Your choices

who-brand = { $brand } is asking for this data.
who-contact = Questions about your data? Contact us at { $contact }.
who-partner = { $partner } runs this personalization for us.
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
duration-visit = the length of your visit
duration-days = { $count ->
    [one] one day
   *[other] { $count } days
}
duration-months = { $count ->
    [one] one month
   *[other] { $count } months
}
duration-years = { $count ->
    [one] one year
   *[other] { $count } years
}

basis-line = { $basis }: { $data }.
basis-consent = You said yes to it
basis-contract = We need it for our contract with you
basis-legal-obligation = The law says we must keep it
basis-vital-interests = It protects your life or health
basis-public-interest = It serves the public interest
basis-legitimate-interests = We have a fair business reason, and you can object

choices-consent-first = We ask you before we collect anything.
choices-consent-late = We collect some data before we ask you: { $data }.
choices-profiling = We use what you do on our site to choose what to show you. This is called profiling.
choices-opt-out-link = To stop, use this link: { $url }.
choices-opt-out-centre = To change your choices, go to { $url }.
choices-opt-out-stop = To stop text messages, reply STOP.
choices-opt-out-account = You can turn this off in your account settings.
choices-opt-out-none = There is no way to opt out yet.
choices-rights = You can ask us to show, fix or delete your data. You can take back your yes at any time.

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
data-ethnicity = your ethnic origin
data-religion = your religion or beliefs
data-politics = your political views
data-union = your trade union membership
data-orientation = your sexual orientation
data-national-origin = your national origin
data-health = your health
data-biometric = your biometric data, such as your face or fingerprint
data-genetic = your genetic data
data-precise-location = where you are, to within a few metres
data-country = the country you are in
data-browsing = the pages you visit on our site
data-purchases = what you buy from us
data-searches = what you search for on our site
data-preferences = the preferences you set
data-saved-items = the items you save
data-email-engagement = which of our emails you open and click
data-cookie = a cookie that recognises your browser
data-device = the kind of device you use
data-loyalty = your loyalty level
data-account-preferences = the settings in your account
data-tenure = how long you have been a customer
data-session = whether you are logged in
data-other = other data

use-essential = to make the site work
use-personalize-limited = to show you content that fits what you are doing
use-personalize-profiling = to learn what you like and choose what you see
use-email = to send you emails
use-sms = to send you text messages
use-ads = to show you our ads on other sites
use-analytics = to see how people use our site
use-sharing = to share it with the companies named below
use-identification = to know it is you when you come back
use-nearest-store = to find the store nearest to you
