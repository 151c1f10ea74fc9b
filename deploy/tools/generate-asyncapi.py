#!/usr/bin/env python3
"""Generates deploy/asyncapi.yaml from the StrideContracts Swift sources and the
golden fixtures (examples). Schemas, field names, optionality and descriptions come from the
Swift types (explicit CodingKeys + doc comments), so the document cannot drift from the code."""
import json, os, re, sys, glob

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, 'Shared/Contracts')
FIX = os.path.join(ROOT, 'Tests/StrideContractsTests/Fixtures')
OUT = os.path.join(ROOT, 'deploy/asyncapi.yaml')

structs, enums, docs = {}, {}, {}

def parse(path):
    lines = open(path).read().split('\n')
    i, pending = 0, []
    while i < len(lines):
        line = lines[i]
        m = re.match(r'^public (struct|enum) (\w+)(?::\s*([^{]*))?\{', line)
        if line.startswith('///'):
            pending.append(line[3:].strip()); i += 1; continue
        if m:
            kind, name, conf = m.group(1), m.group(2), m.group(3) or ''
            docs[name] = ' '.join(x for x in pending if x)
            pending = []
            body = []
            i += 1
            while i < len(lines) and lines[i] != '}':
                body.append(lines[i]); i += 1
            if kind == 'enum' and 'String' in conf:
                cases = []
                for j, b in enumerate(body):
                    cm = re.match(r'^    case `?(\w+)`?(?: = "([^"]+)")?$', b)
                    if cm:
                        d = []
                        k = j - 1
                        while k >= 0 and body[k].strip().startswith('///'):
                            d.insert(0, body[k].strip()[3:].strip()); k -= 1
                        cases.append((cm.group(2) or cm.group(1), ' '.join(d)))
                enums[name] = cases
            elif kind == 'struct':
                props, keys, info = [], {}, {}
                pdoc = []
                in_keys = False
                for b in body:
                    s = b.strip()
                    if 'enum CodingKeys' in s: in_keys = True; continue
                    if in_keys:
                        km = re.match(r'^case (\w+)(?: = "([^"]+)")?$', s)
                        if km: keys[km.group(1)] = km.group(2) or km.group(1)
                        if s == '}': in_keys = False
                        continue
                    if b.startswith('    ///'):
                        pdoc.append(s[3:].strip()); continue
                    pm = re.match(r'^    (@\w+ )?public (?:var|let) (\w+): ([^{=]+?)\s*$', b)
                    if pm:
                        props.append((pm.group(2), pm.group(3).strip(), (pm.group(1) or '').strip(), ' '.join(pdoc)))
                    em = re.match(r'^    public static let eventType = "([^"]+)"', b)
                    if em: info['eventType'] = em.group(1)
                    tm = re.match(r'^    public static let topic = StrideTopic\.(\w+)', b)
                    if tm: info['topic'] = tm.group(1)
                    km2 = re.match(r'^    public var partitionKey: String \{ (\w+) \}', b)
                    if km2: info['key'] = km2.group(1)
                    if not b.startswith('    ///'): pdoc = []
                structs[name] = dict(props=props, keys=keys, **info)
            continue
        if not line.startswith('@'):
            pending = []
        i += 1

for f in sorted(glob.glob(SRC + '/**/*.swift', recursive=True)):
    parse(f)

def q(s):
    s = s.replace("``", "`")
    s = s[:1].upper() + s[1:]
    return json.dumps(s, ensure_ascii=False)

def schema_for(t, wrapper):
    t = t.strip()
    if t.endswith('?'): t = t[:-1]
    if wrapper in ('@DecimalString', '@OptionalDecimalString'):
        return {'$ref': 'Decimal'}
    if t.startswith('[') and t.endswith(']'):
        return {'type': 'array', 'items': schema_for(t[1:-1], '')}
    return {'String': {'type': 'string'}, 'Int': {'type': 'integer', 'format': 'int64'}, 'Bool': {'type': 'boolean'},
            'Date': {'$ref': 'Timestamp'}}.get(t, {'$ref': t})

used = set()
def emit_schema(out, ind, sch):
    pad = ' ' * ind
    if '$ref' in sch:
        used.add(sch['$ref']); out.append(f"{pad}$ref: '#/components/schemas/{sch['$ref']}'")
    else:
        for k, v in sch.items():
            if k == 'items':
                out.append(f'{pad}items:'); emit_schema(out, ind + 2, v)
            else:
                out.append(f'{pad}{k}: {v}')

def emit_struct(out, name, title_doc=None):
    s = structs[name]
    out.append(f'    {name}:')
    out.append('      type: object')
    d = title_doc or docs.get(name, '')
    if d: out.append(f'      description: {q(d)}')
    req = [s['keys'][p] for p, t, w, _ in s['props'] if not t.endswith('?')]
    out.append('      required: [' + ', '.join(req) + ']')
    out.append('      properties:')
    for p, t, w, pd in s['props']:
        j = s['keys'][p]
        sch = schema_for(t, w)
        out.append(f'        {j}:')
        if '$ref' in sch:
            used.add(sch['$ref'])
            # description next to a $ref: wrap in allOf so tools keep both
            out.append('          allOf:')
            out.append(f"            - $ref: '#/components/schemas/{sch['$ref']}'")
        else:
            emit_schema(out, 10, sch)
        if pd: out.append(f'          description: {q(pd)}')

# ---- catalog order from EventCatalog.swift
cat_src = open(SRC + '/Envelope/EventCatalog.swift').read()
cat_body = cat_src.split('public static let all')[1].split('= [')[1].split(']')[0]
catalog = re.findall(r'(\w+)\.self', cat_body)
topics = [  # key, address, title, producer, consumers, description
    ('employees', 'hr.employees.v1', 'Employees (org chart)', [('hris', 'the HRIS, or `stride org import` from CSV')],
     [('goals', 'goals'), ('coaching', 'coaching'), ('appraisal', 'appraisal'), ('incentives', 'incentives')],
     'The org chart fed by the HRIS. Compacted: the newest record per employee id wins. Every service projects it into its org directory.'),
    ('metrics', 'stride.metrics.v1', 'Business metrics', [('metricSources', 'CRM, ticketing and BI systems')], [('goals', 'goals')],
     'Readings of business metrics; goals updates every KPI goal bound to the metric.'),
    ('goals', 'stride.goals.v1', 'Goals', [('goals', 'goals')], [('coaching', 'coaching'), ('appraisal', 'appraisal'), ('analytics', 'analytics')],
     'Goal setting, agreement, progress, risk and attainment.'),
    ('coaching', 'stride.coaching.v1', 'Coaching', [('coaching', 'coaching')], [('goals', 'goals'), ('appraisal', 'appraisal'), ('incentives', 'incentives'), ('analytics', 'analytics')],
     'Check-ins, 1:1s, feedback, evidence, improvement plans and feedback interviews.'),
    ('appraisal', 'stride.appraisal.v1', 'Appraisal', [('appraisal', 'appraisal')], [('coaching', 'coaching'), ('incentives', 'incentives'), ('analytics', 'analytics')],
     'Review cycles, reviews (ratings only), calibration, final appraisals, acknowledgements and disputes.'),
    ('incentives', 'stride.incentives.v1', 'Incentives', [('incentives', 'incentives')], [('analytics', 'analytics'), ('coaching', 'coaching')],
     'Merit, bonus, promotion, development and consequence-review recommendations and their approval.'),
    ('payroll', 'stride.payroll.v1', 'Payroll', [('incentives', 'incentives')], [('payroll', 'payroll systems')],
     'Approved compensation changes for payroll, exactly once per change id; corrections are reversals.'),
]
keydoc = {'employees': 'employee id', 'metrics': 'metric id', 'goals': 'goal owner id (employee or org unit)',
          'coaching': 'employee id', 'appraisal': 'employee id (org unit id for cycle events)', 'incentives': 'employee id', 'payroll': 'employee id'}

def title_of(name):
    return re.sub(r'(?<=[a-z])(?=[A-Z])', ' ', name).capitalize().replace('One on one', 'One-on-one')

out = []
A = out.append
A('# Stride public event API. Schemas mirror Shared/Contracts (types, CodingKeys, doc comments); examples are the')
A('# golden fixtures in Tests/StrideContractsTests/Fixtures. StrideContractsTests/AsyncAPITests checks event types,')
A('# channels, DLQ headers and payload fields against EventCatalog and the fixtures.')
A('asyncapi: 3.0.0')
A('info:')
A('  title: Stride events')
A('  version: 1.0.0')
A('  description: |')
for l in '''Stride's Kafka topics are a public API: stable, versioned, documented, the same bytes tomorrow.

Envelope: CloudEvents 1.0, Kafka protocol binding, binary content mode. The CloudEvents
attributes travel as headers (`ce_specversion`, `ce_id`, `ce_source`, `ce_type`, `ce_time`,
`ce_subject`, `content-type`, optional W3C `traceparent`); the message key is the partition key
(the employee, org unit or metric the event is about, so their events stay ordered); the value
is the JSON payload.

Payload rules: snake_case field names; keys sorted; absent optional fields are omitted;
instants are RFC 3339 UTC with milliseconds (`2026-03-31T12:00:00.000Z`); calendar dates are
`YYYY-MM-DD`; money is `{"amount":"1234.50","currency":"EUR"}` with the amount an exact decimal
string written with at least the currency's minor-unit digits (never rounded) and an ISO 4217
code; every other decimal (percentages, scores, multipliers, metric values) is an exact decimal
string in shortest form (`"87.5"`); enums are snake_case strings.

Compatibility: consumers ignore unknown fields, so new optional fields may appear in a `v1`
type. Renaming, removing or retyping a field, or adding an enum value, is breaking and ships as
a new `…v2` event type. Consumers should skip (not dead-letter) event types they do not know.
Every consumer records `ce_id` to process each event once; messages it cannot process go to
`<topic>.dlq` with the `dlq.*` error headers.'''.split('\n'):
    A('    ' + l if l else '')
A('  license:')
A('    name: Apache-2.0')
A('defaultContentType: application/json')
A('servers:')
A('  production:')
A('    host: kafka.example.com:9092')
A('    protocol: kafka')
A('    description: Placeholder. Services read the real brokers from KAFKA_BOOTSTRAP_SERVERS; SASL/TLS settings pass through to librdkafka.')
A('channels:')
by_topic = {}
for n in catalog: by_topic.setdefault(structs[n]['topic'], []).append(n)
for key, addr, title, prods, cons, desc in topics:
    A(f'  {key}:')
    A(f'    address: {addr}')
    A(f'    title: {q(title)}')
    A(f'    description: {q(desc + " Key: " + keydoc[key] + ".")}')
    A('    messages:')
    for n in by_topic[key]:
        A(f'      {n}:'); A(f"        $ref: '#/components/messages/{n}'")
    A('    bindings:'); A('      kafka:'); A(f'        topic: {addr}')
    A('        topicConfiguration:')
    A(f"          cleanup.policy: [{'compact' if key == 'employees' else 'delete'}]")
    A("        bindingVersion: '0.5.0'")
    A(f'  {key}DeadLetter:')
    A(f'    address: {addr}.dlq')
    A(f'    title: {q(title + " dead letters")}')
    A(f'    description: {q("Messages from " + addr + " that a consumer could not process: the original key, headers and value, plus the dlq.* error headers. Replay with `stride dlq replay` after a fix.")}')
    A('    messages:'); A('      DeadLetter:'); A("        $ref: '#/components/messages/DeadLetter'")
    A('    bindings:'); A('      kafka:'); A(f'        topic: {addr}.dlq'); A("        bindingVersion: '0.5.0'")
A('operations:')
for key, addr, title, prods, cons, desc in topics:
    for actor, label in prods:
        A(f'  {actor}Sends{key[0].upper() + key[1:]}:')
        A('    action: send'); A(f"    channel:"); A(f"      $ref: '#/channels/{key}'")
        A(f'    title: {q(label + " publishes " + addr)}')
        A('    messages:')
        for n in by_topic[key]: A(f"      - $ref: '#/channels/{key}/messages/{n}'")
    for actor, label in cons:
        A(f'  {actor}Receives{key[0].upper() + key[1:]}:')
        A('    action: receive'); A(f"    channel:"); A(f"      $ref: '#/channels/{key}'")
        A(f'    title: {q(label + " consumes " + addr)}')
        A('    messages:')
        for n in by_topic[key]: A(f"      - $ref: '#/channels/{key}/messages/{n}'")
    A(f'  consumersDeadLetter{key[0].upper() + key[1:]}:')
    A('    action: send'); A('    channel:'); A(f"      $ref: '#/channels/{key}DeadLetter'")
    A(f'    title: {q("any consumer of " + addr + " parks messages it cannot process")}')
    A('    messages:'); A(f"      - $ref: '#/channels/{key}DeadLetter/messages/DeadLetter'")
    A(f'  operatorsReceiveDeadLetter{key[0].upper() + key[1:]}:')
    A('    action: receive'); A('    channel:'); A(f"      $ref: '#/channels/{key}DeadLetter'")
    A(f'    title: {q("operators inspect and replay " + addr + ".dlq")}')
    A('    messages:'); A(f"      - $ref: '#/channels/{key}DeadLetter/messages/DeadLetter'")
A('components:')
A('  messages:')
for n in catalog:
    s = structs[n]
    fx = os.path.join(FIX, s['eventType'] + '.json')
    A(f'    {n}:')
    A(f"      name: {s['eventType']}")
    A(f"      x-event-type: {s['eventType']}")
    A(f'      title: {q(title_of(n))}')
    A(f'      summary: {q(docs.get(n, ""))}')
    A('      contentType: application/json')
    A('      headers:'); A("        $ref: '#/components/schemas/CloudEventHeaders'")
    A('      payload:'); A(f"        $ref: '#/components/schemas/{n}Payload'")
    A('      bindings:'); A('        kafka:'); A('          key:'); A('            type: string')
    A(f"            description: {q('the ' + s['keys'][s['key']] + ' (' + keydoc[s['topic']] + ')')}")
    A("          bindingVersion: '0.5.0'")
    if os.path.exists(fx):
        A('      examples:'); A('        - name: canonical')
        A(f'          summary: {q("The golden fixture " + s["eventType"] + ".json")}')
        A('          headers:')
        A("            ce_specversion: '1.0'")
        A("            ce_id: 0f8e2a51-3c7d-4b9a-9e61-2d4c8b7a1f30")
        A(f"            ce_source: /stride/{'hris' if s['topic'] == 'employees' else ('metrics-bridge' if s['topic'] == 'metrics' else ('incentives' if s['topic'] == 'payroll' else s['topic']))}")
        A(f"            ce_type: {s['eventType']}")
        A("            ce_time: '2026-03-31T08:15:30.250Z'")
        payload = json.loads(open(fx).read())
        A('            ce_subject: ' + json.dumps(payload[s['keys'][s['key']]]))
        A('            content-type: application/json')
        A('          payload: ' + open(fx).read().strip())
A('    DeadLetter:')
A('      name: dead-letter')
A('      title: Dead letter')
A('      summary: "A message a consumer could not process: original key, headers and value bytes unchanged, plus the error headers."')
A('      headers:'); A("        $ref: '#/components/schemas/DeadLetterHeaders'")
A('      payload:'); A('        description: The original message value, byte for byte (normally the JSON payload of the original event type).')
A('      bindings:'); A('        kafka:'); A('          key:'); A('            type: string'); A('            description: the original message key')
A("          bindingVersion: '0.5.0'")
A('  schemas:')
ce = [('ce_specversion', "const: '1.0'", 'CloudEvents spec version; always 1.0.', True),
      ('ce_id', 'format: uuid', 'Event id; consumers record it to process each event once.', True),
      ('ce_source', None, 'The producer, e.g. /stride/goals.', True),
      ('ce_type', None, 'The event type, e.g. stride.goals.goal.created.v1 (the message name).', True),
      ('ce_time', 'format: date-time', 'When the event happened, RFC 3339 UTC with milliseconds.', True),
      ('ce_subject', None, 'The employee, org unit or metric id the event is about.', False),
      ('content-type', "const: application/json", 'The payload media type.', False),
      ('traceparent', "pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'", 'W3C Trace Context parent, when tracing.', False)]
def emit_headers(name, extra, desc):
    A(f'    {name}:'); A('      type: object'); A(f'      description: {q(desc)}')
    req = [h for h, _, _, r in ce if r] + [h for h, _, _, r in extra if r]
    A('      required: [' + ', '.join(req) + ']')
    A('      properties:')
    for h, fmt, d, r in ce + extra:
        A(f'        {h}:'); A('          type: string')
        if fmt: A(f'          {fmt}')
        A(f'          description: {q(d)}')
emit_headers('CloudEventHeaders', [], 'CloudEvents 1.0 Kafka binding (binary mode) headers, UTF-8 strings.')
dlq = [('dlq.error', None, 'Why processing failed: a ContractError description (code: message naming the header or field) or the handler error.', True),
       ('dlq.original-topic', None, 'The topic the message was consumed from.', True),
       ('dlq.original-partition', "pattern: '^[0-9]+$'", 'Its partition.', True),
       ('dlq.original-offset', "pattern: '^[0-9]+$'", 'Its offset.', True),
       ('dlq.consumer-group', None, 'The consumer group that failed.', True),
       ('dlq.failed-at', 'format: date-time', 'When it was dead-lettered, RFC 3339 UTC.', True)]
ce_save = ce
ce = [(h, f, d, False) for h, f, d, r in ce_save]  # originals may be missing or broken in a dead letter
emit_headers('DeadLetterHeaders', dlq, 'The original headers (copied as received, so possibly missing or invalid) plus the dead-letter error headers written by the Stride runtime.')
ce = ce_save
A('    Timestamp:'); A('      type: string'); A('      format: date-time')
A('      description: "RFC 3339 instant, written in UTC with milliseconds: 2026-03-31T12:00:00.000Z."')
A('    CalendarDate:'); A('      type: string'); A('      format: date'); A('      description: "A calendar date YYYY-MM-DD, no time zone."')
A('    Decimal:'); A('      type: string'); A("      pattern: '^-?[0-9]+(\\.[0-9]+)?$'")
A('      description: "An exact decimal as a string in shortest form, e.g. \\"87.5\\" (never a JSON number)."')
A('    Money:'); A('      type: object'); A(f'      description: {q(docs["Money"])}')
A('      required: [amount, currency]'); A('      properties:')
A('        amount:'); A('          type: string'); A("          pattern: '^-?[0-9]+(\\.[0-9]+)?$'")
A('          description: "Exact decimal string with at least the currency\'s minor-unit digits, e.g. \\"1234.50\\"."')
A('        currency:'); A('          type: string'); A("          pattern: '^[A-Z]{3}$'"); A('          description: ISO 4217 code.')
for n in catalog:
    tmp = []
    emit_struct(tmp, n)
    tmp[0] = f'    {n}Payload:'
    out.extend(tmp)
# value types and enums used (transitively)
done = {'Timestamp', 'CalendarDate', 'Decimal', 'Money'}
while True:
    todo = sorted(u for u in used if u not in done)
    if not todo: break
    for u in todo:
        done.add(u)
        if u in enums:
            A(f'    {u}:'); A('      type: string')
            d = docs.get(u, '')
            if d: A(f'      description: {q(d)}')
            A('      enum: [' + ', '.join(v for v, _ in enums[u]) + ']')
        elif u in structs:
            emit_struct(out, u)
        else:
            sys.exit('unknown type ' + u)
open(OUT, 'w').write('\n'.join(out) + '\n')
print('wrote', OUT, len(out), 'lines;', len(catalog), 'messages')
