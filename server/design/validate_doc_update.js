// CouchDB's validate_doc_update for Fieldbook databases. Plain ES5: it runs inside CouchDB's
// JavaScript engine (SpiderMonkey or QuickJS) and inside the embedded server. It holds no
// rules of its own: CONFIG is filled in at provisioning with JSON Schemas generated from the
// zod schemas in src/lib/domain and the policy table (src/lib/domain/policy/table.ts), which
// the interpreter below reads step by step as decide.ts does (see build.ts).
function validate(newDoc, oldDoc, userCtx, secObj) {
  var CONFIG = __CONFIG__;

  function own(o, k) {
    return Object.prototype.hasOwnProperty.call(o, k);
  }
  function typeOf(v) {
    if (v === null) return 'null';
    if (Object.prototype.toString.call(v) === '[object Array]') return 'array';
    return typeof v;
  }
  function isType(v, t) {
    var actual = typeOf(v);
    if (t === 'integer') return actual === 'number' && isFinite(v) && Math.floor(v) === v;
    if (t === 'number') return actual === 'number' && isFinite(v);
    return actual === t;
  }
  // A JSON Schema subset: the keywords zod's toJSONSchema emits for our schemas.
  function check(s, v, path) {
    var i, k, keys, errs;
    // A subschema kept once for all the places it occurs (build.ts, shareRepeated).
    if (s.$ref !== undefined) s = CONFIG.defs[String(s.$ref).slice(8)];
    if (s.type !== undefined) {
      var types = typeOf(s.type) === 'array' ? s.type : [s.type];
      var ok = false;
      for (i = 0; i < types.length; i++) if (isType(v, types[i])) ok = true;
      if (!ok) return path + ': expected ' + types.join('|');
    }
    if (own(s, 'const') && v !== s['const'])
      return path + ': must be ' + JSON.stringify(s['const']);
    if (s['enum']) {
      for (i = 0, ok = false; i < s['enum'].length; i++) if (s['enum'][i] === v) ok = true;
      if (!ok) return path + ': not an allowed value';
    }
    if (typeof v === 'string') {
      if (s.maxLength !== undefined && v.length > s.maxLength) return path + ': too long';
      if (s.minLength !== undefined && v.length < s.minLength) return path + ': too short';
      if (s.pattern !== undefined && !new RegExp(s.pattern).test(v)) return path + ': bad format';
    }
    if (typeof v === 'number') {
      if (s.minimum !== undefined && v < s.minimum) return path + ': too small';
      if (s.maximum !== undefined && v > s.maximum) return path + ': too large';
      if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return path + ': too small';
      if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) return path + ': too large';
    }
    if (typeOf(v) === 'array') {
      if (s.maxItems !== undefined && v.length > s.maxItems) return path + ': too many items';
      if (s.minItems !== undefined && v.length < s.minItems) return path + ': too few items';
      if (s.items) {
        for (i = 0; i < v.length; i++) {
          errs = check(s.items, v[i], path + '[' + i + ']');
          if (errs) return errs;
        }
      }
    }
    if (typeOf(v) === 'object') {
      if (s.required) {
        for (i = 0; i < s.required.length; i++) {
          if (!own(v, s.required[i])) return path + '.' + s.required[i] + ': missing';
        }
      }
      keys = Object.keys(v);
      for (i = 0; i < keys.length; i++) {
        k = keys[i];
        if (s.properties && own(s.properties, k)) {
          errs = check(s.properties[k], v[k], path + '.' + k);
          if (errs) return errs;
        } else if (s.additionalProperties === false) {
          return path + ': unexpected field ' + JSON.stringify(k);
        }
      }
    }
    var alts = s.anyOf || s.oneOf;
    if (alts) {
      var first = null;
      for (i = 0; i < alts.length; i++) {
        errs = check(alts[i], v, path);
        if (!errs) return null;
        if (first === null) first = errs;
      }
      return first;
    }
    if (s.allOf) {
      for (i = 0; i < s.allOf.length; i++) {
        errs = check(s.allOf[i], v, path);
        if (errs) return errs;
      }
    }
    return null;
  }
  // ---- the policy table's interpreter: the same steps as src/lib/domain/policy/decide.ts ----
  var P = CONFIG.policy;
  var roles = userCtx.roles || [];
  var name = userCtx.name;
  function deny(reason) {
    throw { forbidden: CONFIG.messages[reason] || reason };
  }
  function contains(list, v) {
    for (var i = 0; i < list.length; i++) if (list[i] === v) return true;
    return false;
  }
  function holds(role) {
    return contains(roles, role + '@' + CONFIG.commune);
  }
  function holdsAny(list) {
    for (var i = 0; i < list.length; i++) if (holds(list[i])) return true;
    return false;
  }
  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  function withoutMeta(doc) {
    var out = {};
    var keys = Object.keys(doc);
    for (var i = 0; i < keys.length; i++) {
      // Copying would turn an own `__proto__` key (JSON.parse makes one) into a prototype.
      if (keys[i] === '__proto__')
        throw { forbidden: CONFIG.messages.invalid + 'doc: unexpected field "__proto__"' };
      // JSON has no undefined: only the embedded server's PUT route adds `_rev: undefined`.
      if (doc[keys[i]] === undefined) continue;
      if (keys[i] !== '_revisions' && keys[i] !== '_deleted') out[keys[i]] = doc[keys[i]];
    }
    return out;
  }
  function sameExcept(a, b, allowed) {
    var keys = Object.keys(a).concat(Object.keys(b));
    for (var i = 0; i < keys.length; i++) {
      if (contains(allowed, keys[i]) || keys[i] === '_rev') continue;
      if (!same(a[keys[i]], b[keys[i]])) return false;
    }
    return true;
  }
  // The signed-in person wrote it, in a role that is theirs, under an id with their name: a
  // replicated branch (new_edits=false) has no old revision to compare with, so the id keeps
  // it from landing on someone else's document.
  function authorship() {
    if (newDoc.author !== name) deny('notAuthor');
    var parts = String(newDoc._id).split(':');
    if (parts[parts.length - 2] !== name) deny('idNotYours');
    if (!holds(String(newDoc.authorRole))) deny('roleNotYours');
  }
  function progressRule() {
    var rule = P.progress;
    var pos = newDoc.authorPosition;
    var hasPos = pos !== null && pos !== undefined;
    if (hasPos && !contains(roles, 'position:' + pos)) deny('positionNotYours');
    var anyItem = false;
    for (var i = 0; i < rule.anyItem.length; i++) {
      if (contains(roles, rule.anyItem[i] + '@' + CONFIG.commune)) anyItem = true;
    }
    if (!anyItem) {
      if (!hasPos) deny('positionNotYours');
      var positions = typeOf(newDoc.itemPositions) === 'array' ? newDoc.itemPositions : [];
      if (!contains(positions, pos)) deny('notResponsible');
    }
    var done = newDoc.status === rule.doneStatus;
    if (done !== (newDoc.percent === rule.donePercent)) deny('progressContradicts');
    if (newDoc.status === rule.notStartedStatus && newDoc.percent !== null && newDoc.percent !== 0)
      deny('progressContradicts');
  }

  function reviewRule() {
    var recordId = String(newDoc.recordId);
    if (String(newDoc._id).indexOf('review:' + recordId + ':') !== 0) deny('wrongRecord');
    var parts = recordId.split(':');
    if (parts[parts.length - 2] === name) deny('ownRecord');
    var comment =
      typeof newDoc.comment === 'string' ? newDoc.comment.replace(/^\s+|\s+$/g, '') : '';
    if (newDoc.verdict === P.review.commentRequiredFor && comment === '') deny('commentNeeded');
  }

  function present(v) {
    return v !== null && v !== undefined && v !== '';
  }
  function taskRule() {
    var rule = P.task;
    if (!present(newDoc.assignee) && !present(newDoc.assigneeGroup)) deny('noAssignee');
    if (present(newDoc.source)) {
      var source = String(newDoc.source);
      if (source.indexOf(rule.followUpPrefix) !== 0) deny('notYourFollowUp');
      if (String(newDoc._id) !== 'task:' + source.slice(rule.followUpPrefix.length))
        deny('notYourFollowUp');
      return;
    }
    if (!holdsAny(rule.assigners)) deny('notAssigner');
  }
  function taskEventRule() {
    var rule = P.task;
    if (String(newDoc._id).indexOf('taskevent:' + String(newDoc.taskId) + ':') !== 0)
      deny('wrongTask');
    var group = present(newDoc.assigneeGroup) ? String(newDoc.assigneeGroup) : '';
    var byRole =
      group.indexOf('position:') === 0
        ? contains(roles, group)
        : group.indexOf('role:') === 0 && holds(group.slice('role:'.length));
    if (!(present(newDoc.assignee) && newDoc.assignee === name) && !byRole) deny('notAssignee');
    if (newDoc.outcome === rule.recordRequiredFor && !present(newDoc.recordId))
      deny('evidenceNeeded');
    var reason = typeof newDoc.reason === 'string' ? newDoc.reason.replace(/^\s+|\s+$/g, '') : '';
    if (newDoc.outcome === rule.reasonRequiredFor && reason === '') deny('reasonNeeded');
  }
  // A reviewer of the kind seals a document (only the seal changes), never their own.
  function sealRule(seal) {
    if (old[seal.field] === true) deny('frozen');
    var by = own(seal.by, String(old.kind)) ? seal.by[old.kind].creators : [];
    if (!holdsAny(by)) deny('appendOnly');
    if (old.author === name) deny('ownRecord');
    if (newDoc[seal.field] !== true) deny('reviewFieldsOnly');
    if (!sameExcept(withoutMeta(old), withoutMeta(newDoc), [seal.field, '_attachments']))
      deny('reviewFieldsOnly');
    if (!sameAttachments(old._attachments, newDoc._attachments)) deny('reviewFieldsOnly');
  }
  // The same attachments whether either side is a stub or inline data (decide.ts).
  function sameAttachments(a, b) {
    var x = a || {};
    var y = b || {};
    var names = Object.keys(x);
    if (names.length !== Object.keys(y).length) return false;
    for (var j = 0; j < names.length; j++) {
      var k = names[j];
      if (!own(y, k) || x[k].content_type !== y[k].content_type) return false;
      if (typeof x[k].digest === 'string' && typeof y[k].digest === 'string') {
        if (x[k].digest !== y[k].digest) return false;
      } else if (base64Bytes(x[k]) !== base64Bytes(y[k])) return false;
    }
    return true;
  }
  function base64Bytes(att) {
    if (typeof att.length === 'number') return att.length;
    var data = typeof att.data === 'string' ? att.data : '';
    var pad = data.slice(-2) === '==' ? 2 : data.slice(-1) === '=' ? 1 : 0;
    return (data.length / 4) * 3 - pad;
  }

  var isAdmin = contains(roles, '_admin');
  if (!name) deny('signIn');
  var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
  var rule, lc, i;

  if (newDoc._deleted) {
    if (isAdmin || !old) return;
    rule = own(P.types, String(old.type)) ? P.types[old.type] : null;
    if (!rule || !(rule.lifecycle || rule.authorDeletes)) deny('notDeletable');
    if (old.author !== name) deny('notYourRecord');
    if (rule.seal && old[rule.seal.field] === true) deny('frozen');
    if (!rule.lifecycle) return;
    if (!contains(P.lifecycles[rule.lifecycle].deletable, String(old.status))) deny('notDeletable');
    return;
  }

  rule = own(P.types, String(newDoc.type)) ? P.types[newDoc.type] : null;
  if (!rule) deny('unknownType');
  var schema = CONFIG.schemas[newDoc.type];
  if (!schema) deny('unknownType');
  var problem = check(schema, withoutMeta(newDoc), 'doc');
  if (problem) throw { forbidden: CONFIG.messages.invalid + problem };
  if (newDoc.commune !== CONFIG.commune) deny('wrongCommune');
  var kindRule = null;
  if (rule.kinds) {
    kindRule = own(rule.kinds, String(newDoc.kind)) ? rule.kinds[newDoc.kind] : null;
    if (!kindRule) deny('unknownType');
  }
  var db = kindRule ? kindRule.db : rule.db;
  // A photo lives in the photo database paired with its record's (`<db>-photos`).
  if (rule.store) db = db + '-' + rule.store;
  if (db !== CONFIG.dbRole) deny('wrongDatabase');
  if (old && old.type !== newDoc.type) deny('typeChanged');
  var creators = (kindRule ? kindRule.creators : rule.creators) || [];

  if (rule.lifecycle) {
    lc = P.lifecycles[rule.lifecycle];
    if (!old) {
      if (isAdmin) return;
      authorship();
      if (!holdsAny(creators)) deny('roleMayNot');
      if (!contains(lc.initial, String(newDoc.status))) deny('badStatus');
      return;
    }
    var step = null;
    var anyFrom = false;
    for (i = 0; i < lc.transitions.length; i++) {
      var t = lc.transitions[i];
      if (t.from === old.status) anyFrom = true;
      if (t.from === old.status && t.to === newDoc.status) step = t;
    }
    if (!step) deny(anyFrom ? 'badTransition' : 'frozen');
    if (isAdmin) return;
    // Only the server writes a conflict's merge onto a record waiting for review.
    if (step.by === 'server') deny('badTransition');
    if (step.by === 'reviewer') {
      if (!holdsAny(P.reviewers)) deny('notReviewer');
      if (old.author === name) deny('ownRecord');
      if (!sameExcept(withoutMeta(old), withoutMeta(newDoc), lc.reviewFields))
        deny('reviewFieldsOnly');
      return;
    }
    if (old.author !== name) deny('notYourRecord');
    authorship();
    if (!holdsAny(creators)) deny('roleMayNot');
    for (i = 0; i < lc.fixedFields.length; i++) {
      if (!same(old[lc.fixedFields[i]], newDoc[lc.fixedFields[i]])) deny('fixedField');
    }
    return;
  }

  if (rule.editors) {
    if (isAdmin) return;
    if (!holdsAny(old ? rule.editors : creators)) deny('roleMayNot');
    return;
  }

  if (isAdmin) return;
  if (old && rule.seal) return sealRule(rule.seal);
  if (old && !rule.authorEdits) deny('appendOnly');
  if (old && old.author !== name) deny('notYourRecord');
  authorship();
  if (!holdsAny(creators))
    deny(
      rule.rule === 'review'
        ? 'notReviewer'
        : rule.rule === 'resolution'
          ? 'notResolver'
          : 'roleMayNot',
    );
  if (rule.rule === 'progress') progressRule();
  if (rule.rule === 'review') reviewRule();
  if (rule.rule === 'resolution') {
    if (String(newDoc._id).indexOf(P.conflicts.resolutionPrefix + newDoc.recordId + ':') !== 0)
      deny('wrongRecord');
  }
  if (rule.rule === 'task') taskRule();
  if (rule.rule === 'taskEvent') taskEventRule();
}
