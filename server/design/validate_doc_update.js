// CouchDB's validate_doc_update for Fieldbook databases. Plain ES5: it runs inside CouchDB's
// JavaScript engine (SpiderMonkey or QuickJS) and inside the embedded server. It holds no
// rules of its own: CONFIG is filled in at provisioning with JSON Schemas generated from the
// zod schemas in src/lib/domain and the permission tables from there (see build.ts).
function validate(newDoc, oldDoc, userCtx, secObj) {
  var CONFIG = __CONFIG__;

  function deny(msg) {
    throw { forbidden: msg };
  }
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
  function hasRole(role) {
    var roles = userCtx.roles || [];
    for (var i = 0; i < roles.length; i++) {
      if (roles[i] === role + '@' + CONFIG.commune) return true;
    }
    return false;
  }
  function hasAnyRole(list) {
    for (var i = 0; i < list.length; i++) if (hasRole(list[i])) return true;
    return false;
  }
  function withoutMeta(doc) {
    var out = {};
    var keys = Object.keys(doc);
    for (var i = 0; i < keys.length; i++) {
      // Copying would turn an own `__proto__` key (JSON.parse makes one) into a prototype.
      if (keys[i] === '__proto__') deny('Dữ liệu không hợp lệ: doc: unexpected field "__proto__"');
      // JSON has no undefined: only the embedded server's PUT route adds `_rev: undefined`.
      if (doc[keys[i]] === undefined) continue;
      if (keys[i] !== '_revisions' && keys[i] !== '_deleted') out[keys[i]] = doc[keys[i]];
    }
    return out;
  }
  function sameExcept(a, b, allowed) {
    var keys = Object.keys(a).concat(Object.keys(b));
    for (var i = 0; i < keys.length; i++) {
      if (allowed.indexOf(keys[i]) !== -1) continue;
      if (JSON.stringify(a[keys[i]]) !== JSON.stringify(b[keys[i]])) return false;
    }
    return true;
  }

  // The signed-in person wrote it, in a role that is theirs, under an id that carries their name.
  function checkAuthorship() {
    if (newDoc.author !== name)
      deny('Người ghi phải là người đang đăng nhập. (author must be you)');
    // Ids are `<prefix>:<time>:<author>:<random>`: a replicated branch (new_edits=false) has no
    // old revision to compare with, so this keeps it from landing on someone else's document.
    var idParts = newDoc._id.split(':');
    if (idParts[idParts.length - 2] !== name)
      deny('Mã bản ghi phải mang tên người ghi. (id must carry your name)');
    if (!hasRole(newDoc.authorRole))
      deny('Vai trò người ghi không phải của bạn. (authorRole is not your role)');
  }

  var isAdmin = (userCtx.roles || []).indexOf('_admin') !== -1;
  var name = userCtx.name;
  if (!name) deny('Cần đăng nhập. (sign-in required)');

  if (newDoc._deleted) {
    if (isAdmin) return;
    if (!oldDoc) return;
    if (oldDoc.author !== name) deny('Không được xóa bản ghi của người khác. (not your record)');
    if (oldDoc.status !== 'draft') deny('Chỉ xóa được bản nháp. (only drafts can be deleted)');
    return;
  }

  var schema = CONFIG.schemas[newDoc.type];
  if (!schema) deny('Loại tài liệu không hợp lệ. (unknown document type)');
  var problem = check(schema, withoutMeta(newDoc), 'doc');
  if (problem) deny('Dữ liệu không hợp lệ: ' + problem);
  if (newDoc.commune !== CONFIG.commune) deny('Sai xã. (wrong commune)');
  if (isAdmin) return;

  if (newDoc.type === 'fieldCheck') {
    var rule = CONFIG.kinds[newDoc.kind];
    if (!rule || rule.db !== CONFIG.dbRole)
      deny('Loại bản ghi không thuộc cơ sở dữ liệu này. (wrong database)');
    var reviewing = oldDoc && oldDoc.author !== name;
    if (reviewing) {
      // A supervisor's verdict on someone else's submitted record, and nothing else.
      if (!hasAnyRole(CONFIG.reviewerRoles))
        deny('Không được sửa bản ghi của người khác. (not your record)');
      if (oldDoc.status !== 'submitted') deny('Chỉ duyệt được bản ghi đã gửi. (not submitted)');
      if (newDoc.status !== 'approved' && newDoc.status !== 'returned')
        deny('Kết quả duyệt không hợp lệ. (bad verdict)');
      if (!sameExcept(withoutMeta(newDoc), withoutMeta(oldDoc), CONFIG.reviewFields)) {
        deny('Người duyệt chỉ được đổi trạng thái. (reviewers may only change the status)');
      }
      return;
    }
    checkAuthorship();
    if (!hasAnyRole(rule.writers))
      deny('Vai trò của bạn không được ghi loại bản ghi này. (role may not write this kind)');
    if (oldDoc) {
      if (oldDoc.status === 'approved')
        deny('Bản ghi đã duyệt không sửa được. (approved records are final)');
      if (oldDoc.status === 'submitted')
        deny('Bản ghi đã gửi, đang chờ duyệt. (submitted records are locked)');
      if (oldDoc._id !== newDoc._id || oldDoc.createdAt !== newDoc.createdAt)
        deny('Không được đổi mã bản ghi.');
    }
    if (newDoc.status !== 'draft' && newDoc.status !== 'submitted')
      deny('Trạng thái không hợp lệ. (bad status)');
    return;
  }

  var typeRule = CONFIG.types[newDoc.type];
  if (!typeRule) deny('Loại tài liệu không được ghi ở đây. (type not writable)');
  if ((typeRule.db || 'log') !== CONFIG.dbRole)
    deny('Loại tài liệu không thuộc cơ sở dữ liệu này. (wrong database)');
  if (typeRule.editable) {
    if (oldDoc && !oldDoc._deleted && oldDoc.type !== newDoc.type)
      deny('Không được đổi loại tài liệu. (type cannot change)');
    if (!hasAnyRole(typeRule.writers))
      deny('Vai trò của bạn không được ghi loại tài liệu này. (role may not write this)');
    return;
  }
  if (oldDoc) deny('Tài liệu này chỉ được thêm mới, không được sửa. (append-only)');
  checkAuthorship();
  if (!hasAnyRole(typeRule.writers))
    deny('Vai trò của bạn không được ghi loại tài liệu này. (role may not write this)');
}
