"""Many situations in one OpenFisca simulation. Imported only in the engine process (it needs OpenFisca).

A situation has the shape of OpenFisca's web API (`/calculate`): entities by plural, instances by id, each
variable by period, `None` where a value is asked. Situations whose inputs cover the same variables and periods
(their *signature*) are merged — ids prefixed — into one vectorised simulation, and each gets its own answers
back. Situations with different signatures are not merged: OpenFisca takes a variable given for some instances
as given for all (the others at its default), which would silently change their results.
"""

from __future__ import annotations

import importlib.metadata
from collections import defaultdict

import numpy
from openfisca_core.simulation_builder import SimulationBuilder


def versions() -> dict[str, str]:
    return {
        "openfisca_france": importlib.metadata.version("openfisca-france"),
        "openfisca_core": importlib.metadata.version("openfisca-core"),
    }


class Engine:
    def __init__(self):
        from openfisca_france import CountryTaxBenefitSystem

        self.tbs = CountryTaxBenefitSystem()
        self.person_plural = self.tbs.person_entity.plural
        self.role_keys = {
            entity.plural: {key for role in entity.roles for key in (role.key, role.plural) if key}
            for entity in self.tbs.group_entities
        }

    # -- merging ----------------------------------------------------------------------------------------------
    def signature(self, situation: dict) -> frozenset:
        """The (entity, variable, period) given as inputs for a variable the model could compute."""
        given = set()
        for plural, instances in situation.items():
            roles = self.role_keys.get(plural, set())
            for instance in instances.values():
                for variable, periods in instance.items():
                    if variable in roles or not isinstance(periods, dict):
                        continue
                    holder = self.tbs.variables.get(variable)
                    if holder is None or not holder.formulas:
                        continue
                    given.update((plural, variable, p) for p, v in periods.items() if v is not None)
        return frozenset(given)

    def _prefixed(self, situation: dict, prefix: str) -> dict:
        out = {}
        for plural, instances in situation.items():
            roles = self.role_keys.get(plural, set())
            renamed = {}
            for instance_id, instance in instances.items():
                copy = {}
                for key, value in instance.items():
                    if key in roles:
                        value = [prefix + v for v in value] if isinstance(value, list) else prefix + value
                    copy[key] = value
                renamed[prefix + instance_id] = copy
            out[plural] = renamed
        return out

    def merge(self, situations: list[dict]) -> dict:
        merged: dict = defaultdict(dict)
        for n, situation in enumerate(situations):
            for plural, instances in self._prefixed(situation, f"s{n}~").items():
                merged[plural].update(instances)
        return dict(merged)

    # -- building ---------------------------------------------------------------------------------------------
    def build(self, situation: dict):
        """The simulation of a situation, its inputs set one array per (variable, period).

        What `SimulationBuilder.build_from_entities` does value by value (parsing every period of every
        instance: seconds for a thousand households) is done here column by column. Every person belongs to
        one instance of each group entity, as in the situations `rights.situation` writes.
        """
        builder = SimulationBuilder()
        builder.create_entities(self.tbs)
        persons = list(situation[self.person_plural])
        person_index = {pid: n for n, pid in enumerate(persons)}
        builder.declare_person_entity(self.tbs.person_entity.key, persons)
        for entity in self.tbs.group_entities:
            instances = situation.get(entity.plural, {})
            population = builder.declare_entity(entity.key, list(instances))
            assignment = numpy.empty(len(persons), dtype=object)
            roles = numpy.empty(len(persons), dtype=object)
            for group_id, instance in instances.items():
                for role in entity.roles:
                    members = instance.get(role.plural) or instance.get(role.key) or []
                    for rank, pid in enumerate([members] if isinstance(members, str) else members):
                        assignment[person_index[pid]] = group_id
                        roles[person_index[pid]] = (role.subroles[rank] if role.subroles else role).key
            if any(a is None for a in assignment):
                raise ValueError(f"Chaque personne doit appartenir à une entité {entity.plural}.")
            builder.join_with_persons(population, assignment.astype(str), roles.astype(str))
        simulation = builder.build(self.tbs)
        for (plural, variable, period), values in self._inputs(situation).items():
            count = simulation.get_population(plural).count
            simulation.set_input(variable, period, self._column(variable, count, values))
        return simulation

    def _inputs(self, situation: dict) -> dict:
        columns = defaultdict(dict)  # (plural, variable, period) → {index: value}
        for plural, instances in situation.items():
            roles = self.role_keys.get(plural, set())
            for index, instance in enumerate(instances.values()):
                for variable, periods in instance.items():
                    if variable in roles or not isinstance(periods, dict):
                        continue
                    if variable not in self.tbs.variables:
                        raise ValueError(f"Variable inconnue du modèle : {variable}")
                    for period, value in periods.items():
                        if value is not None:
                            columns[(plural, variable, period)][index] = value
        return columns

    def _column(self, name: str, count: int, values: dict):
        variable = self.tbs.variables[name]
        if variable.value_type.__name__ == "Enum":
            column = numpy.full(count, variable.default_value.name, dtype=object)
            for index, value in values.items():
                column[index] = value
            return variable.possible_values.encode(column.astype(str))
        dtype = numpy.dtype(variable.dtype)
        is_date = dtype.kind == "M"
        column = numpy.full(
            count, numpy.datetime64(variable.default_value) if is_date else variable.default_value, dtype
        )
        for index, value in values.items():
            column[index] = numpy.datetime64(value) if is_date else value
        return column

    # -- computing --------------------------------------------------------------------------------------------
    def calculate(self, situation: dict) -> dict:
        """Like OpenFisca's web API: the situation with every `None` replaced by its computed value."""
        simulation = self.build(situation)
        asked = defaultdict(list)  # (plural, variable, period) → instance ids
        for plural, instances in situation.items():
            roles = self.role_keys.get(plural, set())
            for instance_id, instance in instances.items():
                for variable, periods in instance.items():
                    if variable in roles or not isinstance(periods, dict):
                        continue
                    for period, value in periods.items():
                        if value is None:
                            asked[(plural, variable, period)].append(instance_id)
        result = {
            plural: {i: dict(instance) for i, instance in instances.items()} for plural, instances in situation.items()
        }
        for (plural, variable, period), ids in asked.items():
            population = simulation.get_population(plural)
            index = {pid: n for n, pid in enumerate(population.ids)}
            values = simulation.calculate(variable, period)
            if hasattr(values, "decode_to_str"):
                values = values.decode_to_str()
            for instance_id in ids:
                cell = result[plural][instance_id]
                cell[variable] = {**cell[variable], period: values[index[instance_id]].item()}
        return result

    def split(self, result: dict, count: int) -> list[dict]:
        parts = [defaultdict(dict) for _ in range(count)]
        for plural, instances in result.items():
            for instance_id, instance in instances.items():
                prefix, _, original = instance_id.partition("~")
                parts[int(prefix[1:])][plural][original] = instance  # role lists keep their prefixes: unused
        return [dict(p) for p in parts]

    def calculate_many(self, situations: list[dict]) -> list[dict]:
        """Each situation's result, computed in one simulation per signature; an error is `{"error": text}`
        for the situations concerned only."""
        groups = defaultdict(list)
        for n, situation in enumerate(situations):
            groups[self.signature(situation)].append(n)
        out: list[dict] = [{} for _ in situations]
        for members in groups.values():
            try:
                merged = self.merge([situations[n] for n in members])
                for n, part in zip(members, self.split(self.calculate(merged), len(members)), strict=True):
                    out[n] = part
            except Exception:  # noqa: BLE001 — one bad situation must not fail the others: retry one by one
                for n in members:
                    out[n] = self._alone(situations[n])
        return out

    def _alone(self, situation: dict) -> dict:
        try:
            return self.calculate(situation)
        except Exception as error:  # noqa: BLE001 — reported to the client, which shows a French message
            return {"error": f"{type(error).__name__}: {str(error)[:500]}"}
