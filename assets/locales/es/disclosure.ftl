# Aviso para quien visita la web antes de compartir sus datos. Frases cortas, palabras de todos
# los días, tuteo.

title = Cómo usa { $brand } tus datos
brand-missing = [tu marca]
list-and = y
# Los elementos de una lista que acaban así lo comparten una sola vez.
list-on-our-site = en nuestra web

heading-who = Quién te los pide
heading-what = Qué datos recogemos y para qué
heading-get = Qué recibes a cambio
heading-recipients = Quién más los recibe
heading-retention = Cuánto tiempo los guardamos
heading-basis = Por qué podemos usarlos
heading-choices = Tú decides

who-brand = { $brand } te pide estos datos.
who-contact = ¿Tienes dudas sobre tus datos? { $kind ->
    [web] Contáctanos a través de { $contact }.
   *[email] Escríbenos a { $contact }.
}
who-partner = { $partner } se encarga, en nuestro nombre, de personalizar lo que ves.
who-security = Así protegemos tus datos: { $page }.

collect-line = Registramos { $data } { $purposes }.
collect-line-no-purpose = Registramos { $data }, pero todavía no te hemos dicho para qué.
collect-nothing = Para esto no guardamos ningún dato personal.

get-immediate = Ahora mismo: { $offer }.
get-ongoing = Con el tiempo: { $benefit }.
get-email = Si nos das tu correo, recibes: { $promise }.
get-login = Si inicias sesión: { $benefit }.
get-nothing = No te ofrecemos nada a cambio de estos datos.

recipient-line = { $name } recibe { $data }. { $kind }
kind-ad-platform = Es una plataforma de anuncios. Usa esos datos para mostrarte nuestros anuncios en otras webs.
kind-analytics = Mide para nosotros cómo se usa nuestra web.
kind-processor = Trabaja para nosotros y no puede usar tus datos para nada más.
kind-partner = Es un socio. También usa tus datos para sus propios fines.
recipients-none = Nadie fuera de { $brand } recibe tus datos.

retention-line = Guardamos { $data } durante { $duration }.
duration-days = { $count ->
    [one] un día
   *[other] { $n } días
}
duration-months = { $count ->
    [one] un mes
   *[other] { $n } meses
}
duration-years = { $count ->
    [one] un año
   *[other] { $n } años
}

basis-line = { $basis }: { $data }.
basis-consent = Porque nos has dicho que sí
basis-contract = Para cumplir nuestro contrato contigo
basis-legal-obligation = Porque la ley nos obliga
basis-vital-interests = Para proteger tu vida o tu salud
basis-public-interest = Por interés público
basis-legitimate-interests = Por un interés legítimo de la empresa, al que puedes oponerte
basis-email-soft-opt-in = Porque ya nos has comprado, aunque nunca has aceptado recibir nuestros correos
basis-email-not-asked = Sin pedirte permiso
choices-consent-first = Te pedimos permiso antes de recoger ningún dato.
choices-consent-first-some = Te pedimos permiso antes de registrar { $data }.
choices-consent-late = Recogemos algunos datos antes de pedirte permiso: { $data }.
choices-opt-out-link = Para darte de baja, usa este enlace: { $url }.
choices-opt-out-centre = Para cambiar lo que has elegido, entra en { $url }.
choices-opt-out-stop = Para no recibir más SMS, responde STOP.
choices-opt-out-centre-or-account = Para cambiar lo que has elegido, entra en { $url } o en los ajustes de tu cuenta.
choices-opt-out-account = Puedes cambiar tus preferencias en los ajustes de tu cuenta.
choices-opt-out-none = Todavía no hay forma de darte de baja.
choices-rights = Puedes pedirnos que te mostremos tus datos, que los corrijamos o que los borremos.
data-email = tu dirección de correo electrónico
data-phone = tu número de teléfono
data-address = tu dirección postal
data-postal-code = tu código postal
data-name = tu nombre
data-first-name = tu nombre de pila
data-last-name = tus apellidos
    .number = plural
data-age = tu edad
data-birthday = tu fecha de nacimiento
data-gender = tu género
data-language = tu lengua materna
data-marital-status = tu estado civil
data-household = quién vive en tu casa
data-income = tus ingresos
    .number = plural
data-income-band = tu franja de ingresos
data-ethnicity = tu origen étnico
data-religion = tu religión o tus creencias
data-politics = tus ideas políticas
    .number = plural
data-union = si estás afiliado a un sindicato
data-orientation = tu orientación sexual
data-national-origin = tu origen nacional
data-health = los datos sobre tu salud
    .number = plural
data-biometric = tus datos biométricos, como tu cara o tu huella
    .number = plural
data-genetic = tus datos genéticos
    .number = plural
data-precise-location = dónde estás, con unos pocos metros de margen
data-country = el país en el que estás
data-browsing = las páginas que visitas en nuestra web
    .number = plural
data-purchases = tu historial de compras
data-cart = lo que añades a tu cesta
data-searches = lo que buscas en nuestra web
data-preferences = las preferencias que eliges
    .number = plural
data-saved-items = los artículos que guardas
    .number = plural
data-email-engagement = qué correos nuestros abres y en cuáles haces clic
data-cookie = una cookie que reconoce tu navegador
data-device = el tipo de dispositivo que usas
data-loyalty = tu nivel de cliente
data-account-preferences = los ajustes de tu cuenta
    .number = plural
data-tenure = desde cuándo eres cliente
data-session = si has iniciado sesión
data-other = otros datos

use-essential = para que la web funcione
use-personalize-limited = { $topic ->
    [browsing] para mostrarte productos parecidos a los que has visto
    [searches] para mostrarte lo que encaja con tus búsquedas
    [purchases] para sugerirte cosas que combinan con lo que has comprado
    [cart] para recordarte lo que has dejado en ella
    [preferences] para mostrarte lo que nos has dicho que te gusta
    [saved] para mostrarte los artículos que has guardado
    [engagement] para enviarte más contenidos como los que lees
    [contact] para ponernos en contacto contigo
    [name] para personalizar cómo te saludamos
    [location] para mostrarte lo que ofrecemos donde estás
    [device] para adaptar nuestras páginas a tu dispositivo
    [account] para mostrarte lo que corresponde a tu cuenta
    [purchases-left-out] para no sugerirte lo que ya has comprado
   *[personal] para elegir lo que te mostramos
}
use-personalize-profiling = { $topic ->
    [personal] para suponer qué te puede gustar según quién eres, y elegir así lo que te mostramos
   *[other] para saber qué te gusta y elegir lo que te mostramos
}
use-email = para enviarte correos
use-sms = para enviarte SMS
use-ads = para mostrarte nuestros anuncios en otras webs
use-analytics = para ver cómo se usa nuestra web
use-sharing = para compartirlos con las empresas que nombramos abajo
use-identification = para reconocerte cuando vuelvas
use-nearest-store = para encontrar la tienda más cercana
use-age-check = para comprobar que la ley te permite comprar lo que vendemos
list-or = o
list-nor = ni
collect-line-undeclared = Usamos { $data }, pero todavía no te hemos dicho para qué.
collect-source = Hay datos que no nos has dado tú, sino que vienen de { $source }: { $data }.
collect-source-unknown = Hay datos que no nos has dado tú y todavía no te hemos dicho de dónde salen: { $data }.
profile-lookalike = Además, comparamos lo que sabemos de ti con lo que sabemos de nuestros clientes actuales, para encontrar personas parecidas a ellos.
profile-line = Usamos { $data } para deducir qué te puede interesar. Con eso decidimos { $decides }. A esto se le llama elaborar un perfil.
profile-what-you-do = lo que haces en nuestra web
decides-offers = qué ofertas ves
decides-products = qué productos te sugerimos
decides-emails = qué te mostramos en nuestros correos
decides-questions = qué preguntas te hacemos
decides-ads = qué anuncios nuestros ves en otras webs
decides-content = lo que ves en nuestra web
recipient-partner = { $partner } usa tus datos en nuestro nombre, solo para personalizar lo que ves.
recipients-none-else = Aparte de { $partner }, nadie fuera de { $brand } recibe tus datos.
retention-unknown = Todavía no te hemos dicho cuánto tiempo guardamos { $data }.
choices-consent-unknown = Todavía no te hemos dicho si te pedimos permiso antes de usar { $data }.
choices-withdraw = Si cambias de opinión, puedes retirar tu permiso cuando quieras con las opciones de arriba.
choices-complain = Si crees que usamos mal tus datos, puedes reclamar ante una autoridad de protección de datos: { $authority }.
choices-complain-any = Si crees que usamos mal tus datos, puedes reclamar ante la autoridad de protección de datos del país en el que vives.
# «¿Por qué veo esto?»: una o dos frases por zona.
why-zone = { $zone }: { $text }
# Cómo llama el aviso completo a una zona sin titular en el idioma del visitante.
why-zone-banner = El banner
why-zone-recommendations = Las recomendaciones
why-zone-recently-viewed = Tus artículos vistos recientemente
why-zone-purchase-history = Tus pedidos anteriores
why-zone-saved-items = Tus artículos guardados
why-zone-form = El formulario
why-zone-progressive-form = El formulario por pasos
why-zone-email = El correo que te enviamos
why-zone-pop-up = La ventana emergente
why-value-yes = sí
why-value-no = no
why-question = ¿Por qué veo esto?
heading-why = Por qué ves esto
why-everyone = Esto lo ve todo el que visita nuestra web. No depende de lo que hagas.
why-because = Ves esto porque { $reasons }.
why-one-of = se cumple al menos una de estas condiciones (no registramos cuál): { $list }
why-not-all = no se cumplen todas estas condiciones a la vez: { $list }
why-none-of = no se cumple ninguna de estas condiciones: { $list }
why-logged-in = has iniciado sesión
why-anonymous = no has iniciado sesión
why-model = además tenemos en cuenta una puntuación que calculamos a partir de { $data }
why-intent = { $did } { $count } { $window }
why-intent-no-count = { $did } { $window }
why-did-page-view = has visto { $target }
why-didnt-page-view = no has visto { $target }
why-did-category-view = has visto { $target }
why-didnt-category-view = no has visto { $target }
why-did-product-click = has hecho clic en { $target }
why-didnt-product-click = no has hecho clic en { $target }
why-did-add-to-cart = has añadido { $target } a tu cesta
why-didnt-add-to-cart = no has añadido { $target } a tu cesta
why-did-purchase = has comprado { $target }
why-didnt-purchase = no has comprado { $target }
why-did-search = has buscado { $target }
why-didnt-search = no has buscado { $target }
why-did-preference-set = has elegido { $target } en tus preferencias
why-didnt-preference-set = no has elegido { $target } en tus preferencias
why-did-email-engagement = has abierto { $target } o has hecho clic en sus enlaces
why-didnt-email-engagement = no has abierto { $target } ni has hecho clic en sus enlaces
why-did-catalog-affinity = has mostrado un interés constante por { $target }
why-didnt-catalog-affinity = no has mostrado un interés constante por { $target }
why-target-anything = { $action ->
    [page-view] { $negated ->
        [yes] ninguna página
       *[no] páginas de nuestra web
    }
    [category-view] { $negated ->
        [yes] ninguna categoría
       *[no] una categoría
    }
    [product-click] { $negated ->
        [yes] ningún producto
       *[no] un producto
    }
    [email-engagement] { $negated ->
        [yes] ninguno de nuestros correos
       *[no] alguno de nuestros correos
    }
   *[other] { $negated ->
        [yes] nada
       *[no] algo
    }
}
# «No … nada» en una sola frase, sin el objetivo general negado.
why-didnt-add-to-cart-anything = no has añadido nada a tu cesta
why-didnt-purchase-anything = no has comprado nada
why-didnt-search-anything = no has buscado nada
why-didnt-preference-set-anything = no has indicado ninguna preferencia
why-target-page = la página «{ $name }»
why-target-category = la categoría «{ $name }»
why-target-product = el producto «{ $name }»
why-target-brand = la marca «{ $name }»
why-target-style = el estilo «{ $name }»
why-target-search-term = «{ $name }»
why-target-preference = «{ $name }»
why-quoted = «{ $name }»
why-count = { $kind ->
    [at-least] { $count ->
        [one] al menos una vez
       *[other] al menos { $n } veces
    }
    [at-most] { $count ->
        [one] como mucho una vez
       *[other] como mucho { $n } veces
    }
   *[exactly] { $count ->
        [one] una vez
       *[other] exactamente { $n } veces
    }
}
why-window = { $days ->
    [one] en el último día
   *[other] en los últimos { $n } días
}
why-attr = { $data } { $number ->
    [plural] { $op ->
        [is-not] no son { $value }
        [none-of] no son { $nor }
        [at-least] son { $value } o más
        [at-most] son { $value } o menos
        [below] son inferiores a { $value }
        [above] son superiores a { $value }
       *[is] son { $value }
    }
   *[singular] { $op ->
        [is-not] no es { $value }
        [none-of] no es { $nor }
        [at-least] es { $value } o más
        [at-most] es { $value } o menos
        [below] es inferior a { $value }
        [above] es superior a { $value }
       *[is] es { $value }
    }
}
# La edad, dicha como se diría ("tienes 18 años o más"), no "tu edad es ...".
why-attr-age = { $op ->
    [is-not] no tienes { $value } años
    [none-of] no tienes { $value } años
    [at-least] tienes { $value } años o más
    [at-most] tienes { $value } años o menos
    [below] tienes menos de { $value } años
    [above] tienes más de { $value } años
   *[is] tienes { $value } años
}
why-shows-viewed = Aquí aparecen los artículos que has visto hace poco.
why-shows-bought = Aquí aparece lo que nos has comprado.
why-shows-saved = Aquí aparecen los artículos que has guardado.
why-shows-form = Este formulario te pide un dato más en cada visita.
why-shows-email = Esto forma parte de un correo que te enviamos.
why-picks = Te sugerimos { $sources }.
why-picks-without = Te sugerimos { $sources }, pero nunca { $left }.
why-from-trending = lo más popular ahora mismo
why-from-viewed-together = artículos que otros clientes suelen ver junto con los que has visto
why-from-bought-together = artículos que otros clientes suelen comprar junto con los que has comprado
why-from-similar = artículos parecidos a los que has visto
why-from-recently-viewed = artículos que has visto hace poco
why-from-replenishment = cosas que compras con regularidad
why-without-purchased = lo que ya has comprado
why-without-viewed = lo que has visto hace poco

# Los atributos tal como los nombra una frase de «por qué», como sujeto de «es...».
attr-age = tu edad
attr-date-of-birth = tu fecha de nacimiento
attr-gender = tu género
attr-race-ethnicity = tu origen étnico
attr-religion = tu religión o tus creencias
    .number = plural
attr-political-opinion = tus ideas políticas
    .number = plural
attr-trade-union = tu afiliación sindical
attr-health-condition = tu estado de salud
attr-sexual-orientation = tu orientación sexual
attr-genetic-data = tus datos genéticos
    .number = plural
attr-biometric-data = tus datos biométricos
    .number = plural
attr-national-origin = tu país de origen
attr-postal-code = tu código postal
attr-surname = tus apellidos
    .number = plural
attr-first-language = tu lengua materna
attr-precise-location = tu ubicación exacta
attr-neighbourhood-income = el nivel de ingresos de tu barrio
attr-income = tu nivel de ingresos
attr-marital-status = tu estado civil
attr-household-children = el número de niños que viven en tu casa
attr-country = tu país
attr-loyalty-tier = tu nivel de cliente
attr-email-opt-in = tu respuesta a si quieres recibir nuestros correos
attr-device-type = el dispositivo que usas
attr-customer-since = el año de tu primer pedido
attr-logged-in = tu estado de sesión
attr-preferred-store = la tienda que has elegido
attr-site-language = el idioma que has elegido para la web
attr-email-opt-in-yes = te has suscrito a nuestros correos
attr-email-opt-in-no = no te has suscrito a nuestros correos
attr-logged-in-yes = has iniciado sesión
attr-logged-in-no = no has iniciado sesión
attr-loyalty-tier-none = todavía no tienes nivel de cliente
attr-loyalty-tier-not-none = tienes un nivel de cliente

# Texto escrito que se muestra en otro idioma porque aún no está traducido.
foreign-text = { $text } ({ $language })
language-en = en inglés
language-es = en español
language-fr = en francés

# Small numbers are written as words, larger ones in figures.
number-2 = dos
number-3 = tres
number-4 = cuatro
number-5 = cinco
number-6 = seis
number-7 = siete
number-8 = ocho
number-9 = nueve

# Los valores de un atributo de lista, tal como los da una frase «por qué» tras «es»: attr-value-ATRIBUTO-VALOR.
attr-value-gender-female = femenino
attr-value-gender-male = masculino
attr-value-gender-non-binary = no binario
attr-value-gender-another-gender = otro
attr-value-neighbourhood-income-low = bajo
attr-value-neighbourhood-income-middle = medio
attr-value-neighbourhood-income-high = alto
attr-value-income-low = bajo
attr-value-income-middle = medio
attr-value-income-high = alto
attr-value-marital-status-single = soltero/a
attr-value-marital-status-married = casado/a
attr-value-marital-status-in-a-partnership = pareja de hecho
attr-value-marital-status-separated = separado/a
attr-value-marital-status-widowed = viudo/a
attr-value-loyalty-tier-none = «ninguno»
attr-value-loyalty-tier-silver = plata
attr-value-loyalty-tier-gold = oro
attr-value-loyalty-tier-platinum = platino
attr-value-device-type-mobile = un móvil
attr-value-device-type-tablet = una tableta
attr-value-device-type-desktop = un ordenador

# Los países por su código de dos letras, tal como los nombra una frase «por qué» tras «es». Un código
# que no esté aquí se muestra tal cual, entre comillas.
country-AT = Austria
country-BE = Bélgica
country-BG = Bulgaria
country-HR = Croacia
country-CY = Chipre
country-CZ = Chequia
country-DK = Dinamarca
country-EE = Estonia
country-FI = Finlandia
country-FR = Francia
country-DE = Alemania
country-GR = Grecia
country-HU = Hungría
country-IE = Irlanda
country-IT = Italia
country-LV = Letonia
country-LT = Lituania
country-LU = Luxemburgo
country-MT = Malta
country-NL = los Países Bajos
country-PL = Polonia
country-PT = Portugal
country-RO = Rumanía
country-SK = Eslovaquia
country-SI = Eslovenia
country-ES = España
country-SE = Suecia
country-IS = Islandia
country-LI = Liechtenstein
country-NO = Noruega
country-CH = Suiza
country-GB = el Reino Unido
country-MC = Mónaco
country-AD = Andorra
country-US = Estados Unidos
country-CA = Canadá
country-MX = México
country-BR = Brasil
country-AR = Argentina
country-CL = Chile
country-CO = Colombia
country-PE = Perú
country-UY = Uruguay
country-MA = Marruecos
country-DZ = Argelia
country-TN = Túnez
country-SN = Senegal
country-CI = Costa de Marfil
country-JP = Japón
country-CN = China
country-IN = India
country-AU = Australia
country-NZ = Nueva Zelanda
country-ZA = Sudáfrica
country-TR = Turquía
