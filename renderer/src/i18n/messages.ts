import type { ErrorBody } from '../../../shared/errors';

/**
 * Spanish for the messages the core, the shared rules (zod schemas, state machines) and the
 * bridges send in English. The core keeps speaking English (its tests and logs read it); the
 * renderer translates where messages enter it: `call()` / `watch()` in lib/client.ts and the
 * client-side checks in lib/forms.ts.
 *
 * Keys are the exact English text. A dynamic part is written `{0}`, `{1}`… in the key and in the
 * Spanish text (a name, a number, a list). tests/unit/error-messages.test.ts finds every message
 * in the source and fails when one has no entry here, or when the placeholders differ.
 *
 * Wording: usted, as the rest of es.ts; names are kept out of gender agreement where we can
 * ("La persona {0} ya está inactiva", "El objeto «{0}» está prestado").
 */
export const MESSAGES_ES: Record<string, string> = {
  // ── The core itself (electron/core/core.ts) ────────────────────────────────────────────────
  'Please sign in.': 'Por favor, inicie sesión.',
  'The session has ended. Please sign in.': 'La sesión ha terminado. Por favor, inicie sesión.',
  'The session changed.': 'La sesión ha cambiado.',
  'The station is locked. Enter your PIN to continue.': 'El puesto está bloqueado. Introduzca su PIN para continuar.',
  'Your role does not allow this.': 'Su rol no permite hacer esto.',
  'This is not available on this station.': 'Esto no está disponible en este puesto.',
  'Some fields need attention.': 'Algunos campos necesitan atención.',
  'This field is required': 'Este campo es obligatorio',
  'Something went wrong. Please try again; if it keeps happening, tell an administrator.':
    'Algo salió mal. Inténtelo de nuevo; si vuelve a ocurrir, avise a un administrador.',
  'Unknown method "{0}".': 'Método desconocido: «{0}».',
  'Unknown topic "{0}".': 'Tema desconocido: «{0}».',

  // ── Electron main and preload, the browser's WebSocket bridge ──────────────────────────────
  'This window may not call the station.': 'Esta ventana no puede comunicarse con el puesto.',
  'Unknown method.': 'Método desconocido.',
  'The request could not be sent to the station. Please try again.': 'No se pudo enviar la petición al puesto. Inténtelo de nuevo.',
  'Lost the connection to the station. Please try again.': 'Se perdió la conexión con el puesto. Inténtelo de nuevo.',

  // ── Accounts and sign-in (electron/core/auth) ──────────────────────────────────────────────
  'That username is taken.': 'Ese nombre de usuario ya está en uso.',
  'That username is taken': 'Ese nombre de usuario ya está en uso',
  'No such account.': 'Esa cuenta no existe.',
  'This station is already set up. Ask an administrator for an account.': 'Este puesto ya está configurado. Pida una cuenta a un administrador.',
  'Wrong username or password.': 'Usuario o contraseña incorrectos.',
  'This account is disabled. Ask an administrator.': 'Esta cuenta está desactivada. Consulte a un administrador.',
  'Only staff who signed in with their password on this station today can switch by PIN.':
    'Solo puede cambiar con PIN el personal que hoy ha entrado con su contraseña en este puesto.',
  'Wrong PIN.': 'PIN incorrecto.',
  'Wrong PIN': 'PIN incorrecto',
  'This email is already registered. Sign in instead.': 'Este correo ya está registrado. Entre con su cuenta.',
  'Already registered — sign in instead': 'Ya está registrado: entre con su cuenta',
  'This email is already in use. Please ask at the front desk.': 'Este correo ya está en uso. Por favor, pregunte en recepción.',
  'Already in use — please ask at the front desk': 'Ya está en uso: por favor, pregunte en recepción',
  'Wrong email or PIN.': 'Correo o PIN incorrectos.',
  'This account is disabled. Please ask at the front desk.': 'Esta cuenta está desactivada. Por favor, pregunte en recepción.',
  'Customer accounts are managed at the kiosk.': 'Las cuentas de clientes se gestionan en el quiosco.',
  'You cannot remove your own admin rights or disable yourself.': 'No puede quitarse sus propios permisos de administrador ni desactivar su propia cuenta.',
  'The station needs at least one active admin.': 'El puesto necesita al menos un administrador activo.',
  'Your record was not found. Please ask at the front desk.': 'No se encontró su registro. Por favor, pregunte en recepción.',
  'Too many failed attempts. Try again in {0} minute.': 'Demasiados intentos fallidos. Vuelva a intentarlo dentro de {0} minuto.',
  'Too many failed attempts. Try again in {0} minutes.': 'Demasiados intentos fallidos. Vuelva a intentarlo dentro de {0} minutos.',

  // ── People (electron/core/people) ──────────────────────────────────────────────────────────
  'This person does not exist.': 'Esta persona no existe.',
  '{0} already uses this email.': '{0} ya usa este correo.',
  'Another active person already uses this email': 'Otra persona activa ya usa este correo',
  '{0} is deleted. An admin can restore the record first.': 'La persona {0} está eliminada. Antes, un administrador puede restaurar el registro.',
  '{0} is already inactive.': 'La persona {0} ya está inactiva.',
  '{0} is already active.': 'La persona {0} ya está activa.',
  '{0} is not deleted.': 'La persona {0} no está eliminada.',
  '{0} was merged into another record and cannot be restored.': 'El registro de {0} se fusionó con otro y no se puede restaurar.',
  '{0} is already blocked.': 'La persona {0} ya está bloqueada.',
  '{0} is not blocked.': 'La persona {0} no está bloqueada.',

  // ── Lending (electron/core/lending, shared/lending) ────────────────────────────────────────
  'Your account is not linked to a person. Please ask at the front desk.': 'Su cuenta no está vinculada a ninguna persona. Por favor, pregunte en recepción.',
  'This item does not exist.': 'Este objeto no existe.',
  'This borrow request does not exist.': 'Esta solicitud de préstamo no existe.',
  '{0} does not exist.': '{0} no existe.',
  // The `{0}` of "{0} does not exist." is one of these (lending-handlers.ts, loadPerson).
  'The owner does not exist.': 'No existe la persona dueña del objeto.',
  'The borrower does not exist.': 'No existe la persona que lo pide prestado.',
  'The person who brought it does not exist.': 'No existe la persona que lo trajo.',
  'Your account is no longer on record and cannot borrow.': 'Su cuenta ya no figura en el registro y no puede tomar prestado.',
  '{0} is no longer on record and cannot borrow.': 'La persona {0} ya no figura en el registro y no puede tomar prestado.',
  'You cannot borrow at the moment. Please ask at the front desk.': 'En este momento no puede tomar prestado. Por favor, pregunte en recepción.',
  '{0} is blocked and cannot borrow.': 'La persona {0} está bloqueada y no puede tomar prestado.',
  'Your account is inactive. Please ask at the front desk.': 'Su cuenta está inactiva. Por favor, pregunte en recepción.',
  '{0} is inactive and cannot borrow.': 'La persona {0} está inactiva y no puede tomar prestado.',
  'At the kiosk you can lend only your own items.': 'En el quiosco solo puede prestar objetos propios.',
  'Choose the person who lends it': 'Elija a la persona que lo presta',
  '{0} is deleted; restore the record first.': 'La persona {0} está eliminada; restaure antes su registro.',
  'At the kiosk you can ask only for yourself.': 'En el quiosco solo puede pedir para usted.',
  'Choose who borrows it': 'Elija quién lo toma prestado',
  '{0} is not available to borrow right now.': 'El objeto «{0}» no está disponible para préstamo en este momento.',
  'This is your own item: you cannot borrow it.': 'Este objeto es suyo: no puede tomarlo prestado.',
  'This person owns the item and cannot borrow it.': 'Esta persona es la dueña del objeto y no puede tomarlo prestado.',
  'You have already asked for this item.': 'Ya ha pedido este objeto.',
  '{0} has already asked for this item.': '{0} ya ha pedido este objeto.',
  '{0} is already out with {1}: only one approved request per item. Deny this one, or approve it after the item is back.':
    'El objeto «{0}» ya está prestado a {1}: solo puede haber una solicitud aprobada por objeto. Deniegue esta o apruébela cuando el objeto haya vuelto.',
  '{0} is already reserved for {1}: only one approved request per item. Deny this one, or approve it after the item is back.':
    'El objeto «{0}» ya está reservado para {1}: solo puede haber una solicitud aprobada por objeto. Deniegue esta o apruébela cuando el objeto haya vuelto.',
  'This borrow request is {0}: it cannot be {1}.': 'Esta solicitud de préstamo está {0}: no se puede {1}.',
  '{0} is {1}: it cannot be {2} now.': 'El objeto «{0}» está {1}: ahora no se puede {2}.',
  '{0} is {1}: it cannot be {2} now. Another borrow request for it is already approved.':
    'El objeto «{0}» está {1}: ahora no se puede {2}. Ya hay otra solicitud de préstamo aprobada para él.',

  // ── Requests (electron/core/requests, shared/requests) ─────────────────────────────────────
  'This request does not exist.': 'Esta solicitud no existe.',
  'This request does not exist or was deleted.': 'Esta solicitud no existe o fue eliminada.',
  'This request is not yours.': 'Esta solicitud no es suya.',
  'Choose one of the categories: {0}': 'Elija una de las categorías: {0}',
  'Choose an active manager or admin': 'Elija un responsable o administrador activo',
  'Choose a customer from the list': 'Elija un cliente de la lista',
  'Choose a customer.': 'Elija un cliente.',
  '{0} is inactive; reactivate the record first': 'La persona {0} está inactiva; reactive antes su registro',
  'Give a reason for the rejection': 'Indique el motivo del rechazo',
  'Only the person who created this request can {0} it.': 'Solo la persona que creó esta solicitud puede {0}.',
  'Only managers and admins decide requests.': 'Solo los responsables y los administradores deciden las solicitudes.',
  'You cannot decide a request you created.': 'No puede decidir una solicitud creada por usted.',
  'Only an admin can restore a deleted request.': 'Solo un administrador puede restaurar una solicitud eliminada.',
  '{0}; this one is {1}.': '{0}; esta solicitud {1}.',

  // ── Field rules (zod schemas in shared/) ───────────────────────────────────────────────────
  Required: 'Obligatorio',
  'Too long': 'Demasiado largo',
  'Name is required': 'El nombre es obligatorio',
  'Name is at most 80 characters': 'El nombre tiene como máximo 80 caracteres',
  'Name is at most 120 characters': 'El nombre tiene como máximo 120 caracteres',
  'Email is required': 'El correo es obligatorio',
  'Email is at most 254 characters': 'El correo tiene como máximo 254 caracteres',
  'Enter a valid email address, like name@example.com': 'Escriba un correo válido, como nombre@ejemplo.com',
  'Enter the phone in international form, like +34 612 345 678': 'Escriba el teléfono en formato internacional, como +34 612 345 678',
  'Phone is too long': 'El teléfono es demasiado largo',
  'Address is at most 500 characters': 'La dirección tiene como máximo 500 caracteres',
  'Enter your username': 'Escriba su usuario',
  'Enter your password': 'Escriba su contraseña',
  'Enter your email': 'Escriba su correo',
  'Username needs at least 3 characters': 'El usuario necesita al menos 3 caracteres',
  'Username is at most 40 characters': 'El usuario tiene como máximo 40 caracteres',
  'Use letters, digits, dot, dash or underscore': 'Use letras, dígitos, punto, guion o guion bajo',
  'Password needs at least 10 characters': 'La contraseña necesita al menos 10 caracteres',
  'Password is too long': 'La contraseña es demasiado larga',
  'PIN is 4 to 8 digits': 'El PIN tiene de 4 a 8 dígitos',
  'PIN is digits only': 'El PIN solo puede tener dígitos',
  'Choose two different people': 'Elija dos personas distintas',
  'Say why the person is blocked': 'Indique por qué se bloquea a esta persona',
  'At most 64 characters': 'Como máximo 64 caracteres',
  'At most 80 characters': 'Como máximo 80 caracteres',
  'At most 500 characters': 'Como máximo 500 caracteres',
  'At most 1000 characters': 'Como máximo 1000 caracteres',
  'At least 1 day': 'Al menos 1 día',
  'At most 365 days': 'Como máximo 365 días',
  'A category needs a name': 'Cada categoría necesita un nombre',
  'Keep at least one category': 'Deje al menos una categoría',
  'At most 50 categories': 'Como máximo 50 categorías',
  'Each category only once': 'Cada categoría solo una vez',
  'Give the item a name': 'Ponga un nombre al objeto',
  'Choose a category': 'Elija una categoría',
  'Choose who owns it': 'Elija de quién es',
  'Give a condition from 1 to 5': 'Indique un estado del 1 al 5',
  'Say why the request is denied': 'Indique por qué se deniega la solicitud',
  'Give the request a short title': 'Dé a la solicitud un título breve',
  'The title is at most 120 characters': 'El título tiene como máximo 120 caracteres',
  'The description is at most 4000 characters': 'La descripción tiene como máximo 4000 caracteres',
  'Choose a category from the list': 'Elija una categoría de la lista',
  'Choose low, normal or high': 'Elija baja, normal o alta',
  'Attachments are a list of references': 'Los adjuntos son una lista de referencias',
  'An attachment reference cannot be empty': 'Una referencia de adjunto no puede estar vacía',
  'An attachment reference is at most 300 characters': 'Una referencia de adjunto tiene como máximo 300 caracteres',
  'At most 10 attachment references': 'Como máximo 10 referencias de adjuntos',
  'The reason is at most 1000 characters': 'El motivo tiene como máximo 1000 caracteres',

  // ── Zod's own messages, for a rule without a message of ours (rare: the forms send the right shapes)
  'Invalid input': 'Dato no válido',
  'Invalid input: expected {0}, received {1}': 'Dato no válido: se esperaba {0} y se recibió {1}',
  'Invalid option: expected one of {0}': 'Opción no válida: se esperaba una de {0}',
  'Unrecognized key: {0}': 'Campo no reconocido: {0}',
  'Unrecognized keys: {0}': 'Campos no reconocidos: {0}',

  // ── Why an audit chain is broken (audit.verify's `broken.reason`; shown inside a translated sentence)
  'entry {0} is missing': 'falta la entrada {0}',
  'does not link to the entry before it': 'no enlaza con la entrada anterior',
  'content does not match its hash': 'el contenido no coincide con su hash',
};

// shared/lending/item-machine.ts: STATUS_WORDS and ACTION_WORDS (the same for both forms of the message)
const ITEM_WORDS: Record<number, Record<string, string>> = {
  1: {
    'waiting for inspection': 'pendiente de inspección',
    available: 'disponible',
    rejected: 'rechazado',
    'reserved for a borrower': 'reservado para un prestatario',
    'checked out': 'prestado',
    'withdrawn by its owner': 'retirado por su dueño',
  },
  2: {
    inspected: 'inspeccionar',
    'reserved for a borrower': 'reservar para un prestatario',
    released: 'liberar',
    'checked out': 'entregar',
    'checked in': 'recibir',
    withdrawn: 'retirar',
  },
};

/**
 * Placeholders the core fills from a fixed word table (a state or an action in English): for each
 * such message and placeholder, the Spanish for every word. Such a placeholder matches only
 * these words, so an item named "This is it" is still read correctly.
 */
export const SLOT_WORDS_ES: Record<string, Record<number, Record<string, string>>> = {
  // shared/requests/rules.ts: VERB
  'Only the person who created this request can {0} it.': {
    0: {
      edit: 'editarla',
      submit: 'enviarla',
      withdraw: 'retirarla',
      delete: 'eliminarla',
      approve: 'aprobarla',
      reject: 'rechazarla',
      restore: 'restaurarla',
    },
  },
  // shared/requests/rules.ts: WHEN and STATE_WORDS
  '{0}; this one is {1}.': {
    0: {
      'Only a draft can be edited': 'Solo se puede editar un borrador',
      'Only a draft can be submitted': 'Solo se puede enviar un borrador',
      'Only a submitted request can be withdrawn': 'Solo se puede retirar una solicitud enviada',
      'Only a draft can be deleted': 'Solo se puede eliminar un borrador',
      'Only a submitted request can be approved': 'Solo se puede aprobar una solicitud enviada',
      'Only a submitted request can be rejected': 'Solo se puede rechazar una solicitud enviada',
      'Only a deleted request can be restored': 'Solo se puede restaurar una solicitud eliminada',
    },
    1: {
      'a draft': 'es un borrador',
      'submitted and waiting for a decision': 'está enviada y pendiente de decisión',
      approved: 'está aprobada',
      rejected: 'está rechazada',
      withdrawn: 'está retirada',
      deleted: 'está eliminada',
    },
  },
  // shared/lending/borrow-machine.ts: STATUS_WORDS and ACTION_WORDS
  'This borrow request is {0}: it cannot be {1}.': {
    0: {
      'waiting for a decision': 'pendiente de decisión',
      approved: 'aprobada',
      denied: 'denegada',
      cancelled: 'cancelada',
      'checked out': 'en préstamo',
      returned: 'devuelta',
    },
    1: {
      approved: 'aprobar',
      denied: 'denegar',
      cancelled: 'cancelar',
      'checked out': 'entregar',
      'checked in': 'recibir',
    },
  },
  '{0} is {1}: it cannot be {2} now.': ITEM_WORDS,
  '{0} is {1}: it cannot be {2} now. Another borrow request for it is already approved.': ITEM_WORDS,
};


// ── Matching ────────────────────────────────────────────────────────────────────────────────

const PLACEHOLDER = /\{(\d+)\}/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Pattern {
  re: RegExp;
  /** For capture group i (1-based), the placeholder number it fills. */
  slots: number[];
  spanish: string;
  words: Record<number, Record<string, string>>;
  /** Literal characters: longer (more specific) patterns are tried first. */
  weight: number;
}

function compile(english: string, spanish: string): Pattern {
  const words = SLOT_WORDS_ES[english] ?? {};
  const slots: number[] = [];
  let source = '';
  let last = 0;
  let literal = 0;
  for (const m of english.matchAll(PLACEHOLDER)) {
    const text = english.slice(last, m.index);
    source += escapeRe(text);
    literal += text.length;
    const n = Number(m[1]);
    const seen = slots.indexOf(n);
    if (seen >= 0) source += `\\${seen + 1}`;
    else {
      const list = words[n] ? Object.keys(words[n]).sort((a, b) => b.length - a.length) : null;
      source += list ? `(${list.map(escapeRe).join('|')})` : '(.+?)';
      slots.push(n);
    }
    last = m.index + m[0].length;
  }
  source += escapeRe(english.slice(last));
  literal += english.length - last;
  return { re: new RegExp(`^${source}$`, 's'), slots, spanish, words, weight: literal };
}

const EXACT = new Map(Object.entries(MESSAGES_ES));
const PATTERNS: Pattern[] = Object.entries(MESSAGES_ES)
  .filter(([english]) => /\{\d+\}/.test(english))
  .map(([english, spanish]) => compile(english, spanish))
  .sort((a, b) => b.weight - a.weight);

const isSpanish = (language: string) => language.toLowerCase().startsWith('es');

/** The message in `language` when we have it (Spanish), else the message as it came. */
export function translateMessage(message: string, language: string): string {
  if (!message || !isSpanish(language)) return message;
  const exact = EXACT.get(message);
  if (exact !== undefined) return exact;
  for (const p of PATTERNS) {
    const m = p.re.exec(message);
    if (!m) continue;
    const values = new Map<number, string>();
    p.slots.forEach((n, i) => {
      const captured = m[i + 1];
      values.set(n, p.words[n]?.[captured] ?? captured);
    });
    return p.spanish.replace(PLACEHOLDER, (whole, n: string) => values.get(Number(n)) ?? whole);
  }
  return message;
}

/** An error envelope's body with its message and every field message translated. */
export function translateEnvelopeError(error: ErrorBody, language: string): ErrorBody {
  if (!isSpanish(language)) return error;
  const out: ErrorBody = { ...error, message: translateMessage(error.message, language) };
  if (error.fields) {
    out.fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, translateMessage(v, language)]));
  }
  return out;
}
