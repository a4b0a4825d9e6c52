"""Running flows: where the conversation is, asking, reading answers, scoring, moving on.

The runner knows node types (say, ask, score, summary), never flow names: the entry flow
is the one marked `entry: true`, the language menu the flow that starts with a language
question. It only changes the step's result; nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot.engine import events as ev
from bot.engine import texts
from bot.engine.state import Lookup
from bot.engine.turn import ClientFacts, Input, StepResult
from bot.understanding.answers import is_next, is_number_reply, parse_answer, read_pick
from bot.understanding.keywords import Keyword
from bot.understanding.needs import named_needs
from flows.model import END, STOP, Flow, Node

MAX_MISUNDERSTOOD = 3  # the third reply we cannot read goes to a person
AWAY = timedelta(hours=12)  # after this long, an unreadable reply gets a "welcome back" instead


class Runner:
    def __init__(self, result: StepResult, flows: dict[str, Flow], client: ClientFacts, now: datetime) -> None:
        self.result, self.flows, self.client, self.now = result, flows, client, now
        self.state = result.state
        self.lang = client.language

    # where we are
    def position(self) -> tuple[Flow, Node] | None:
        pos = self.state.pos
        if not pos:
            return None
        flow = self.flows.get(pos[0])
        if flow is None or pos[1] not in flow.nodes:  # a flow changed under a waiting client
            self.state.pos = None
            return None
        return flow, flow.node(pos[1])

    def finished(self) -> bool:
        return self.state.finished

    def asking_language(self) -> bool:
        pos = self.position()
        return pos is not None and pos[1].kind == "language"

    # starting and moving
    def start(self) -> None:
        entry = next(f for f in self.flows.values() if f.entry)
        self.state.finished = False
        self._goto(entry, entry.start)

    def menu(self) -> None:
        """MENU: a client who has consented is offered what they can do (the flow that `trigger: menu`
        names); anyone else starts over."""
        flow = next((f for f in self.flows.values() if f.trigger == "menu"), None)
        if flow is None or not self.client.consented:
            self.restart()
            return
        state = self.state
        state.pos, state.stack, state.retries, state.finished = None, [], 0, False
        self._goto(flow, flow.start)

    def note_named_needs(self, text: str) -> None:
        """Remember the needs a first text names ("I need help with food"), to look them up first."""
        words = {rule["need"]: rule["named"] for flow in self.flows.values() for node in flow.nodes.values()
                 for rule in node.needs if rule.get("named")}
        self.state.named = named_needs(text, words, self.lang)

    def restart(self) -> None:
        """Forget the answers and start over (language and consent on record stay)."""
        state = self.state
        state.pos, state.stack, state.answers, state.needs, state.retries, state.finished = None, [], {}, [], 0, False
        self.start()

    def _language_flow(self) -> Flow:
        return next(f for f in self.flows.values() if f.node(f.start).kind == "language")

    def choose_language(self, first: bool = False) -> None:
        """Ask which language (LANG, or a first message we could not place)."""
        flow = self._language_flow()
        if not first:
            self._push()
        self._goto(flow, flow.start)

    def offer_languages(self, langs: tuple[str, ...]) -> None:
        """A first text in one of two languages: offer each, in itself, by its number on the menu
        ("Responda 2 para español."), and read the answer as an answer to the menu."""
        flow = self._language_flow()
        menu = flow.node(flow.start)
        self.state.pos = [flow.id, menu.id]
        codes = [o.code for o in menu.options]
        for lang in langs:
            self.result.say(texts.LANGUAGE_OFFER.key, language=lang, number=codes.index(lang) + 1,
                            language_name=[texts.LANGUAGE_CALLED[lang].key])

    def language_known(self, lang: str) -> None:
        """The client's language became clear without the menu (a first message in Spanish, or
        "español" at any time): carry on as if they had picked it from the menu."""
        self.set_language(lang)
        flow = self._language_flow()
        if self.position() is not None or self.finished():
            self._push()
        self._goto(flow, flow.node(flow.start).next)

    def _push(self) -> None:
        pos = self.state.pos
        self.state.stack.append(list(pos) if pos else None)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.result.emit(ev.LanguageChosen(lang))

    def reask(self) -> None:
        pos = self.position()
        if pos is not None:
            self._ask(*pos)

    def resume(self) -> None:
        """A CHW handed the conversation back: carry on where the bot left off."""
        self.state.retries = 0
        if self.position() is not None:
            self.result.say(texts.RESUMED.key)
            self.reask()

    def on_event_input(self, inp: Input) -> None:
        """Inputs that are not messages: what the edge found for a lookup, or a flow's trigger
        (a due check-in). A trigger interrupts the current question and returns to it after."""
        if inp.kind == "resources_found":
            self._found(inp.data)
            return
        flow = next((f for f in self.flows.values() if f.trigger == inp.kind), None)
        if flow is None:
            raise ValueError(f"no flow handles input of kind {inp.kind!r}")
        pos = self.state.pos
        if pos and pos[0] == flow.id and self.state.vars.get("referral_id") == inp.data.get("referral_id"):
            self.reask()  # a reminder of the same question
            return
        self.state.stack.append(list(pos) if pos else None)
        self.state.vars = {k: v for k, v in inp.data.items() if isinstance(v, (str, int))}
        self.state.finished = False
        self._goto(flow, flow.start)

    # answering
    def answer(self, text: str, keyword: Keyword | None, payload: str | None = None) -> None:
        """The client's reply to the current question; `payload` is a WhatsApp button's option code."""
        pos = self.position()
        if pos is None:
            self.result.say(texts.FINISHED.key)
            return
        flow, node = pos
        if node.kind == "resource":
            self._pick_resource(flow, node, text, keyword)
            return
        if node.type == "lookup":  # still waiting for the edge; the client spoke first
            return
        if keyword is Keyword.SKIP and node.skippable:
            self._record(flow, node, [], skipped=True)
            self._goto(flow, node.next)
            return
        codes = [payload] if payload and node.option(payload) else parse_answer(node, text, self.lang)
        if codes is None:
            self._not_understood(flow, node)
            return
        self.state.retries = 0
        self._record(flow, node, codes)
        target = (node.branches.get(codes[0]) if node.branches else None) or node.next
        ahead = flow.nodes.get(target) if target else None
        if (ahead is not None and ahead.read_ahead and not is_number_reply(text, self.lang)
                and (more := parse_answer(ahead, text, self.lang))):
            self._record(flow, ahead, more)  # "no, they were closed": not asked "what happened?"
            target = (ahead.branches.get(more[0]) if ahead.branches else None) or ahead.next
        self._goto(flow, target)

    def _pick_resource(self, flow: Flow, node: Node, text: str, keyword: Keyword | None) -> None:
        lookup = self.state.lookup
        items = lookup.items if lookup else []
        if keyword is Keyword.MORE:
            lookup.offset += len(items)
            self._request(flow.id, lookup.node or node.id, lookup)
            return
        if keyword is Keyword.SKIP or is_next(text):
            self._goto(flow, node.skip)
            return
        choice = read_pick(text, [item["name"] for item in items], self.lang)
        if choice is None:
            self._not_understood(flow, node)
            return
        self.state.retries = 0
        item = items[choice - 1]
        self.state.vars.update(service_id=item["id"], name=item["name"], phone=item["phone"],
                               details=item.get("details", ""), need=lookup.need, label=lookup.label)
        self._goto(flow, node.next)

    def _not_understood(self, flow: Flow, node: Node) -> None:
        last = self.state.last_at
        if last and self.now - datetime.fromisoformat(last) > AWAY:
            self.result.say(texts.WELCOME_BACK.key)
            self._ask(flow, node)
            return
        self.state.retries += 1
        if self.state.retries >= MAX_MISUNDERSTOOD:
            self.state.retries = 0
            self.result.emit(ev.Escalated("not_understood", "normal", question=node.id))
            self.result.say(texts.NOT_UNDERSTOOD_ESCALATED.key)
            return
        if node.reask_key:
            self.result.say(node.reask_key, **self._params())
        elif node.kind == "resource":
            items = self.state.lookup.items if self.state.lookup else []
            self.result.say(texts.PICK_AGAIN.key, count=len(items))
        elif node.options:
            self.result.say(texts.REASK.key, options=tuple(o.text_key for o in node.options))
        else:
            self.result.say(texts.SORRY.key)
            self._ask(flow, node)

    def _record(self, flow: Flow, node: Node, codes: list[str], skipped: bool = False) -> None:
        self.state.answers.setdefault(flow.id, {})[node.id] = {"codes": codes, "skipped": skipped}
        if node.kind == "language" and codes:
            self.set_language(codes[0])
        elif node.kind == "zip" and codes:
            self.result.emit(ev.ZipGiven(codes[0]))
        elif node.kind == "name" and codes:
            self.result.emit(ev.NameGiven(codes[0]))
        if node.loinc:
            chosen = [node.option(c) for c in codes]
            self.result.emit(ev.QuestionAnswered(
                flow=flow.id, question=node.id, loinc=node.loinc, codes=codes,
                answer_loinc=[o.loinc for o in chosen if o and o.loinc],
                value=sum(o.value for o in chosen if o and o.value is not None) if chosen else None,
                skipped=skipped, language=self.lang,
            ))
        if node.emit:
            self.result.emit(ev.AnswerGiven(node.emit, flow=flow.id, question=node.id,
                                            answer=codes[0] if codes else None, text_key=node.text_key,
                                            language=self.lang, context=dict(self.state.vars)))

    # running nodes until the next question
    def _goto(self, flow: Flow, target: str | None) -> None:
        for _ in range(200):  # flows are checked for dangling exits; this guards against cycles
            if target == STOP:
                self.state.pos, self.state.finished = None, True
                return
            if target == END or target is None:
                stack = self.state.stack
                if stack:
                    back = stack.pop()
                    self.state.pos = back
                    if back:
                        self.reask()
                    return
                if flow.then:
                    flow = self.flows[flow.then]
                    target = flow.start
                    continue
                self.state.pos, self.state.finished = None, True
                return
            node = flow.node(target)
            if node.type == "ask":
                self._ask(flow, node)
                return
            if node.type == "lookup":
                if self._lookup(flow, node):
                    return
                target = node.done
                continue
            if node.type == "goto":
                flow = self.flows[node.goto_flow]
                target = node.goto_node
                continue
            if node.type == "say":
                self.result.say(node.text_key, **self._params())
                if node.emit:
                    self.result.emit(ev.Reached(node.emit, flow=flow.id, context=dict(self.state.vars)))
            elif node.type == "score":
                self._score(flow, node)
            elif node.type == "summary":
                needs = self.state.need_labels
                if needs:
                    self.result.say(node.text_key, needs=list(dict.fromkeys(needs)))
                else:
                    self.result.say(node.none_key)
            target = node.next
        raise RuntimeError(f"flow {flow.id} loops without asking anything")

    def _ask(self, flow: Flow, node: Node) -> None:
        self.state.pos = [flow.id, node.id]
        params = self._params()
        if node.kind == "resource":
            items = self.state.lookup.items if self.state.lookup else []
            params["list"] = _numbered([item["line"] for item in items])
        self.result.say(node.text_key, options=tuple(o.text_key for o in node.options), **params)

    def _params(self) -> dict:
        """What texts may mention: the flow's variables (a provider's name ...) and the need at hand."""
        params = {k: v for k, v in self.state.vars.items() if isinstance(v, (str, int, dict))}
        label = (self.state.lookup.label if self.state.lookup else None) or params.pop("label", None)
        if label:
            params["need"] = [label]
        params.pop("label", None)
        if self.lang in texts.LANGUAGE_CALLED:  # rendered in each language, like a need
            params["language_name"] = [texts.LANGUAGE_CALLED[self.lang].key]
        return params

    # resources: the edge searches the directory and answers with `resources_found`
    def _lookup(self, flow: Flow, node: Node) -> bool:
        """Start a lookup for the next need; False when there is no need left to look up."""
        if node.need_from == "vars":
            v = self.state.vars
            if not v.get("need"):
                return False
            lookup = Lookup(v["need"], v.get("label"), exclude=[v["service_id"]] if v.get("service_id") else [])
        else:
            queue = self.state.queue
            while queue and queue[0][0] in node.skip_needs:
                queue.pop(0)
            if not queue:
                return False
            need, label = queue.pop(0)
            lookup = Lookup(need, label)
        self._request(flow.id, node.id, lookup)
        return True

    def _request(self, flow_id: str, node_id: str, lookup: Lookup) -> None:
        lookup = replace(lookup, node=node_id, items=[])
        self.state.lookup = lookup
        self.state.pos = [flow_id, node_id]
        self.result.emit(ev.ResourcesRequested(lookup.need, offset=lookup.offset, exclude=lookup.exclude))

    def _found(self, data: dict) -> None:
        pos = self.position()
        lookup = self.state.lookup
        if pos is None or lookup is None or lookup.node != pos[1].id:
            return  # an answer for a lookup the conversation has moved past
        flow, node = pos
        items = [i for i in data.get("items", []) if isinstance(i, dict)][:9]
        if not items and lookup.offset:
            self.result.say(texts.NO_MORE.key, **self._params())
            lookup.offset = 0
            self._request(flow.id, node.id, lookup)
            return
        lookup.items = items
        self._goto(flow, node.found if items else node.empty)

    def _score(self, flow: Flow, node: Node) -> None:
        answers = self.state.answers.get(flow.id, {})
        needs, labels, scores, urgent = [], [], {}, set()
        for rule in node.needs:
            hit, score = _holds(rule["when"], flow, answers)
            if score is not None:
                scores[rule["when"].get("loinc") or rule["need"]] = score
            if not hit:
                continue
            needs.append(rule["need"])
            labels.append(rule["label"])
            if "urgent" in rule and _holds(rule["urgent"], flow, answers)[0]:
                urgent.add(rule["need"])
            self.result.emit(ev.NeedIdentified(rule["need"], flow=flow.id, instrument=flow.instrument.get("loinc")))
            if "escalate" in rule:
                self.result.emit(ev.Escalated(**rule["escalate"]))
        self.state.needs = needs
        self.state.need_labels = labels
        named = self.state.named
        self.state.queue = sorted(([n, lbl] for n, lbl in zip(needs, labels, strict=True)), key=lambda q: (
            named.index(q[0]) if q[0] in named else len(named), q[0] not in urgent))  # stable: then as listed
        if node.emit:
            self.result.emit(ev.Scored(node.emit, flow=flow.id, needs=needs, scores=scores,
                                    instrument=flow.instrument.get("loinc")))


def _holds(cond: dict, flow: Flow, answers: dict) -> tuple[bool, int | None]:
    """Evaluate a scoring condition; returns (true?, the sum when it is a sum rule)."""
    if "any" in cond:
        return any(_holds(c, flow, answers)[0] for c in cond["any"]), None
    if "sum" in cond:
        total = 0
        for qid in cond["sum"]:
            node = flow.node(qid)
            for code in answers.get(qid, {}).get("codes", []):
                opt = node.option(code)
                total += (opt.value or 0) if opt else 0
        return total >= cond["at_least"], total
    codes = answers.get(cond["answer"], {}).get("codes", [])
    return any(c in cond["in"] for c in codes), None


def _numbered(lines: list) -> str | dict:
    """The resources numbered, as one text or one per language the lines were written in."""
    if lines and isinstance(lines[0], dict):
        return {lang: _numbered([line[lang] for line in lines]) for lang in lines[0]}
    return "\n".join(f"{i} {line}" for i, line in enumerate(lines, 1))
