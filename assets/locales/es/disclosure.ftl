# Aviso para quien visita la web antes de compartir sus datos. Frases cortas, palabras de todos
# los días, tuteo.

title = Cómo usa { $brand } tus datos
brand-missing = [tu marca]
list-and = y

heading-who = Quién te lo pide
heading-what = Qué datos guardamos y para qué
heading-get = Qué recibes a cambio
heading-recipients = Quién más los recibe
heading-retention = Cuánto tiempo los guardamos
heading-basis = Por qué podemos usarlos
heading-choices = Tú decides

who-brand = { $brand } te pide estos datos.
who-contact = ¿Tienes dudas sobre tus datos? Escríbenos a { $contact }.
who-partner = { $partner } gestiona esta personalización por nosotros.
who-security = Así protegemos tus datos: { $page }.

collect-line = Guardamos { $data } { $purposes }.
collect-line-no-purpose = Guardamos { $data }, y no te hemos dicho para qué.
collect-nothing = Para esto no guardamos ningún dato personal.

get-immediate = Ahora mismo: { $offer }.
get-ongoing = Con el tiempo: { $benefit }.
get-email = Si nos das tu correo, recibes: { $promise }.
get-login = Si inicias sesión: { $benefit }.
get-nothing = No te ofrecemos nada a cambio de estos datos.

recipient-line = { $name } recibe { $data }. { $kind }
kind-ad-platform = Es una plataforma de anuncios. Los usa para mostrarte nuestros anuncios en otras webs.
kind-analytics = Mide para nosotros cómo se usa nuestra web.
kind-processor = Trabaja para nosotros y no puede usar tus datos para nada más.
kind-partner = Es un socio. También usa tus datos para sus propios fines.
recipients-none = Nadie fuera de { $brand } recibe tus datos.

retention-line = Guardamos { $data } durante { $duration }.
duration-visit = lo que dure tu visita
duration-days = { $count ->
    [one] un día
   *[other] { $count } días
}
duration-months = { $count ->
    [one] un mes
   *[other] { $count } meses
}
duration-years = { $count ->
    [one] un año
   *[other] { $count } años
}

basis-line = { $basis }: { $data }.
basis-consent = Nos dijiste que sí
basis-contract = Lo necesitamos para cumplir nuestro contrato contigo
basis-legal-obligation = La ley nos obliga a guardarlo
basis-vital-interests = Protege tu vida o tu salud
basis-public-interest = Sirve al interés público
basis-legitimate-interests = Tenemos un motivo de negocio justo, y puedes oponerte

choices-consent-first = Te preguntamos antes de guardar nada.
choices-consent-late = Guardamos algunos datos antes de preguntarte: { $data }.
choices-profiling = Usamos lo que haces en nuestra web para elegir qué mostrarte. Esto se llama elaborar un perfil.
choices-opt-out-link = Para darte de baja, usa este enlace: { $url }.
choices-opt-out-centre = Para cambiar lo que elegiste, entra en { $url }.
choices-opt-out-stop = Para no recibir más SMS, responde STOP.
choices-opt-out-account = Puedes desactivarlo en los ajustes de tu cuenta.
choices-opt-out-none = Todavía no hay forma de darse de baja.
choices-rights = Puedes pedirnos ver, corregir o borrar tus datos. Y puedes retirar tu sí cuando quieras.

data-email = tu correo electrónico
data-phone = tu número de teléfono
data-address = tu dirección postal
data-postal-code = tu código postal
data-name = tu nombre
data-first-name = tu nombre de pila
data-last-name = tus apellidos
data-age = tu edad
data-birthday = tu fecha de nacimiento
data-gender = tu género
data-language = tu lengua materna
data-marital-status = tu estado civil
data-household = quién vive en tu casa
data-income = tus ingresos
data-ethnicity = tu origen étnico
data-religion = tu religión o tus creencias
data-politics = tus ideas políticas
data-union = si estás afiliado a un sindicato
data-orientation = tu orientación sexual
data-national-origin = tu origen nacional
data-health = tu salud
data-biometric = tus datos biométricos, como tu cara o tu huella
data-genetic = tus datos genéticos
data-precise-location = dónde estás, con unos pocos metros de margen
data-country = el país en el que estás
data-browsing = las páginas que visitas en nuestra web
data-purchases = lo que nos compras
data-searches = lo que buscas en nuestra web
data-preferences = las preferencias que eliges
data-saved-items = los artículos que guardas
data-email-engagement = qué correos nuestros abres y en cuáles haces clic
data-cookie = una cookie que reconoce tu navegador
data-device = el tipo de dispositivo que usas
data-loyalty = tu nivel de cliente
data-account-preferences = los ajustes de tu cuenta
data-tenure = desde cuándo eres cliente
data-session = si has iniciado sesión
data-other = otros datos

use-essential = para que la web funcione
use-personalize-limited = para mostrarte lo que encaja con lo que estás haciendo
use-personalize-profiling = para saber qué te gusta y elegir lo que ves
use-email = para enviarte correos
use-sms = para enviarte SMS
use-ads = para mostrarte nuestros anuncios en otras webs
use-analytics = para ver cómo se usa nuestra web
use-sharing = para compartirlos con las empresas que nombramos abajo
use-identification = para reconocerte cuando vuelvas
use-nearest-store = para encontrar la tienda más cercana
