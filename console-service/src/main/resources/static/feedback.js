/*
 * The anonymous feedback page a person reaches from the link their supporter gave them (/feedback.html#<token>).
 * No sign-in: the token is the only credential. It is read from the fragment (never sent in a URL) and then taken
 * out of the address bar, so it is not left in the tab's history; it travels only in the POST body to followup,
 * without anyone's bearer token even if someone is signed in on this device (the answer must stay unlinkable).
 */
(function () {
  'use strict';
  var P = Pages;
  var AGREE = ['strongly disagree', 'strongly agree'];
  /** The pulse's questions, in the API's field names; a scale runs 1–5 between its two ends. */
  var QUESTIONS = [
    {name: 'helpfulness', text: 'How helpful was talking with your peer supporter?', ends: ['not at all helpful', 'very helpful'], required: true},
    {name: 'wouldRecommend', text: 'Would you recommend peer support to a colleague?', yesNo: true, required: true},
    {name: 'distress', text: 'How much distress do you feel about what happened, now?', ends: ['none', 'very much']},
    {name: 'colleagueSupport', text: 'My colleagues support me after hard events at work.', ends: AGREE},
    {name: 'institutionalSupport', text: 'My hospital supports staff after hard events.', ends: AGREE},
    {name: 'selfEfficacy', text: 'I feel able to do my work well.', ends: AGREE},
    {name: 'turnoverIntention', text: 'I am thinking about leaving my job.', ends: AGREE}
  ];
  var token = '';
  try {
    token = decodeURIComponent(location.hash.replace(/^#/, '')).trim();
  } catch (malformed) {
    token = '';
  }

  if (location.hash) history.replaceState(null, '', location.pathname);

  function chosen(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  function answers(form) {
    var body = {token: token};
    QUESTIONS.forEach(function (question) {
      var value = chosen(form, question.name);
      if (value !== null) body[question.name] = question.yesNo ? value === 'true' : Number(value);
    });
    return body;
  }

  /**
   * One question: a fieldset of radio buttons. The first button carries the field's name as its id and data-field,
   * so a problem detail naming the field is shown under the question and moves the focus there.
   */
  function question(q) {
    var options = q.yesNo ? [['true', 'Yes'], ['false', 'No']] : [1, 2, 3, 4, 5].map(function (n) {
      return [String(n), n === 1 ? '1 — ' + q.ends[0] : n === 5 ? '5 — ' + q.ends[1] : String(n)];
    });
    var fieldset = P.el('fieldset', {class: 'scale'}, [P.el('legend', {text: q.text + (q.required ? '' : ' (optional)')})]);
    options.forEach(function (option, i) {
      var id = i === 0 ? q.name : q.name + '-' + (q.yesNo ? option[1].toLowerCase() : option[0]);
      fieldset.appendChild(P.el('div', {class: 'choice'}, [
        P.el('input', {type: 'radio', id: id, name: q.name, value: option[0], 'data-field': i === 0 ? q.name : null,
          'aria-describedby': i === 0 ? q.name + '-error' : null}),
        P.el('label', {for: id, text: option[1]})]));
    });
    fieldset.appendChild(P.el('p', {class: 'error', id: q.name + '-error'}));
    return fieldset;
  }

  function sendAnonymously(body) {
    return PeerSession.config().then(function (settings) {
      var base = settings.services.followup.replace(/\/$/, '');
      return fetch(base + '/api/feedback', {method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: JSON.stringify(body)});
    }).then(P.answerOf);
  }

  function show(id) {
    ['no-link', 'asking', 'thanks'].forEach(function (section) {
      document.getElementById(section).hidden = section !== id;
    });
  }

  if (!token) {
    show('no-link');
    return;
  }
  QUESTIONS.forEach(function (q) {
    document.getElementById(q.required ? 'required-questions' : 'optional-questions').appendChild(question(q));
  });
  show('asking');
  var form = document.getElementById('feedback');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    P.clearErrors(form);
    var send = document.getElementById('send');
    send.disabled = true;
    sendAnonymously(answers(form)).then(function (answer) {
      send.disabled = false;
      if (answer.ok) {
        show('thanks');
        document.getElementById('thanks').focus();
      } else if (answer.status === 404) {
        P.showProblem(form, {detail: 'This link has already been used or has lapsed, so nothing more can be sent '
          + 'with it. Thank you all the same.'});
      } else {
        P.showProblem(form, answer.body, 'Your answers could not be sent. Please try again.');
      }
    }).catch(function () {
      send.disabled = false;
      P.showProblem(form, null, 'Your answers could not be sent: the service did not answer. Please try again.');
    });
  });
}());
